# Every fuzz target, one source file fuzz_<name>.cpp each. Keep in step with FuzzTargets.h.
set(MQDESK_FUZZ_TARGETS
  frame frame_stream header_json header_rocketmq json
  messages batch properties decompress message_id body_data)
