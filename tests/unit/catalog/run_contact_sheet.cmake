# Runs the contact sheet tool under xvfb-run and checks that it exits 0 and
# wrote a fresh PNG (the file's signature, not just its existence).
file(REMOVE ${OUT})
execute_process(COMMAND ${XVFB_RUN} -a ${TOOL} ${CATALOG} ${OUT}
                RESULT_VARIABLE result TIMEOUT 100)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "contact_sheet failed: ${result}")
endif()
if(NOT EXISTS ${OUT})
  message(FATAL_ERROR "contact_sheet exited 0 but wrote no ${OUT}")
endif()
file(READ ${OUT} signature LIMIT 8 HEX)
if(NOT signature STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "${OUT} is not a PNG (starts with ${signature})")
endif()
