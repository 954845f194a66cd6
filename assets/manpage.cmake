# cmake -DLEKTION=program -DOUT=lektion.1 -DVERSION=x -DSECTIONS=lektion.1.in -P manpage.cmake
# Writes the man page: the hand-written sections of lektion.1.in with, at
# @COMMANDS@, each command's --help (and each sub-command's) as the program
# prints it, so that the page covers every command there is.
cmake_policy(VERSION 3.25)
function(help_of out)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env COLUMNS=80 ${LEKTION} ${ARGN} --help
                  OUTPUT_VARIABLE text RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "lektion ${ARGN} --help failed (${status})")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The names listed under "Subcommands:" in a help text.
function(subcommands_of help out)
  set(names)
  set(listing FALSE)
  string(REPLACE "\n" ";" lines "${help}")
  foreach(line IN LISTS lines)
    if(line MATCHES "^Subcommands:")
      set(listing TRUE)
    elseif(listing AND line MATCHES "^  ([a-z][a-z0-9-]*)( |$)")
      list(APPEND names ${CMAKE_MATCH_1})
    elseif(listing AND NOT line MATCHES "^ ")
      set(listing FALSE)
    endif()
  endforeach()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

# Help text as roff: verbatim lines, backslashes escaped, no line starting a request.
function(as_roff text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  string(STRIP "${text}" text)
  set(${out} ".nf\n${text}\n.fi\n" PARENT_SCOPE)
endfunction()

set(commands "")
help_of(top)
subcommands_of("${top}" names)
foreach(name IN LISTS names)
  help_of(help ${name})
  as_roff("${help}" roff)
  string(APPEND commands ".SS \"lektion ${name}\"\n${roff}")
  subcommands_of("${help}" subs)
  foreach(sub IN LISTS subs)
    help_of(subhelp ${name} ${sub})
    as_roff("${subhelp}" roff)
    string(APPEND commands ".SS \"lektion ${name} ${sub}\"\n${roff}")
  endforeach()
endforeach()

file(READ ${SECTIONS} page)
string(TIMESTAMP DATE "%Y-%m-%d" UTC)  # SOURCE_DATE_EPOCH when set
set(COMMANDS "${commands}")
string(CONFIGURE "${page}" page @ONLY)
file(WRITE ${OUT}.tmp "${page}")
file(RENAME ${OUT}.tmp ${OUT})
