# lektion lint on a broken course: non-zero, and each error at its place.
execute_process(COMMAND ${LEKTION} lint ${FIXTURE} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "lint exited 0 on a broken course:\n${err}")
endif()
foreach(expected
    "lesson.xml:6:32: error: <u> cannot appear in text"
    "lesson.xml:7:5: error: duplicate id 'l1.s1.p1'"
    "course.xml:6:13: error: lesson file 'absent.xml' does not exist"
    # Counts in English: never "1 errors".
    ": 3 errors, 0 warnings")
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "missing '${expected}' in:\n${err}")
  endif()
endforeach()

# And in the singular: "1 lesson", never "1 lessons".
execute_process(COMMAND ${LEKTION} lint ${FIXTURE}/../one_lesson RESULT_VARIABLE rc ERROR_VARIABLE err)
string(FIND "${err}" ": 1 lesson, no quiz, 0 translations" at)
if(NOT rc EQUAL 0 OR at EQUAL -1)
  message(FATAL_ERROR "expected a clean one-lesson course counted in the singular, got:\n${err}")
endif()

# A file name is data too: an escape sequence in one never reaches the terminal.
string(ASCII 27 esc)
set(course ${WORK}/escape-course)
file(REMOVE_RECURSE ${course})
file(COPY ${FIXTURE}/../one_lesson/ DESTINATION ${course})
file(MAKE_DIRECTORY "${course}/translations/x${esc}[31m")
execute_process(COMMAND ${LEKTION} lint ${course} RESULT_VARIABLE rc ERROR_VARIABLE err)
string(FIND "${err}" "${esc}" at)
string(FIND "${err}" "\\x1b[31m" escaped)
if(NOT at EQUAL -1 OR escaped EQUAL -1)
  message(FATAL_ERROR "lint wrote a raw escape sequence, or none escaped:\n${err}")
endif()
file(REMOVE_RECURSE ${course})
