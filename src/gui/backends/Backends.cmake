# Adapters from the client and sandbox libraries to the panels' backend interfaces
# (../Backends.h). Each part is compiled once the client code it wraps is in the tree, so the
# console builds, and says what it cannot do yet, at every stage of the project.
file(GLOB _client_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/client/*.cpp ${CMAKE_SOURCE_DIR}/src/sandbox/*.h)
set(_backends ${CMAKE_CURRENT_LIST_DIR})
if(TARGET mqdesk_client AND TARGET mqdesk_sandbox AND EXISTS ${CMAKE_SOURCE_DIR}/src/client/Producer.cpp
   AND EXISTS ${CMAKE_SOURCE_DIR}/src/sandbox/Sandbox.h)
  target_sources(mqdesk_gui PRIVATE ${_backends}/ClientSession.cpp ${_backends}/ClientSession.h
    ${_backends}/ProducerAdapter.cpp ${_backends}/ProducerAdapter.h
    ${_backends}/AdminAdapter.cpp ${_backends}/AdminAdapter.h)
  target_compile_definitions(mqdesk_gui PRIVATE MQDESK_HAVE_CLIENT_BACKENDS)
  if(EXISTS ${CMAKE_SOURCE_DIR}/src/client/PushConsumer.cpp)
    target_sources(mqdesk_gui PRIVATE ${_backends}/ConsumerAdapter.cpp ${_backends}/ConsumerAdapter.h)
    target_compile_definitions(mqdesk_gui PRIVATE MQDESK_HAVE_CONSUMER)
  endif()
  if(EXISTS ${CMAKE_SOURCE_DIR}/src/client/Admin.cpp AND EXISTS ${CMAKE_SOURCE_DIR}/src/client/TopicBrowser.cpp
     AND EXISTS ${CMAKE_SOURCE_DIR}/src/client/MessageTrack.cpp)
    target_compile_definitions(mqdesk_gui PRIVATE MQDESK_HAVE_ADMIN)
  endif()
endif()
