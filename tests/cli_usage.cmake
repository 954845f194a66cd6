# A usage error exits non-zero with one clear line.
execute_process(COMMAND ${LEKTION} lint --no-such-flag RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "usage error exited 0")
endif()
string(STRIP "${err}" err)
string(FIND "${err}" "\n" newline)
if(NOT newline EQUAL -1 OR NOT err MATCHES "^lektion: ")
  message(FATAL_ERROR "expected one line starting 'lektion: ', got:\n${err}")
endif()

# An argument is data too: an escape sequence in one is not echoed raw.
string(ASCII 27 esc)
execute_process(COMMAND ${LEKTION} lint "--x${esc}[2J" RESULT_VARIABLE rc ERROR_VARIABLE err)
string(FIND "${err}" "${esc}" at)
if(rc EQUAL 0 OR NOT at EQUAL -1)
  message(FATAL_ERROR "a usage error echoed a raw escape sequence:\n${err}")
endif()
