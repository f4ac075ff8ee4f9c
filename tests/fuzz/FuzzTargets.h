#pragma once

// Every fuzz target, one source file fuzz_<name>.cpp each. Keep in step with FuzzTargets.cmake.
#define MQDESK_FUZZ_TARGETS(X)                                                                                         \
    X(frame)                                                                                                           \
    X(frame_stream)                                                                                                    \
    X(header_json)                                                                                                     \
    X(header_rocketmq)                                                                                                 \
    X(json)                                                                                                            \
    X(messages)                                                                                                        \
    X(batch)                                                                                                           \
    X(properties)                                                                                                      \
    X(decompress)                                                                                                      \
    X(message_id)                                                                                                      \
    X(body_data)
