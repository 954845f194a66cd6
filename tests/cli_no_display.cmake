# Without a display, lektion play says so in one line and names --text.
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
                        ${LEKTION} play --lang en --learner Nobody --data-dir ${DATA}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "play without a display exited 0")
endif()
string(STRIP "${err}" err)
string(FIND "${err}" "\n" newline)
if(NOT newline EQUAL -1 OR NOT err MATCHES "lektion play --text")
  message(FATAL_ERROR "expected one line naming 'lektion play --text', got:\n${err}")
endif()
