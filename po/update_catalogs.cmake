# Run by the limber-pot target: msgmerge po/limber.pot into each catalog
# named in po/LINGUAS (a missing catalog is started from the template).
file(STRINGS ${PO_DIR}/LINGUAS linguas REGEX "^[^#]")
foreach(lang IN LISTS linguas)
  set(po ${PO_DIR}/${lang}.po)
  if(EXISTS ${po})
    execute_process(COMMAND ${MSGMERGE} --quiet --update --backup=none --no-fuzzy-matching ${po} ${PO_DIR}/limber.pot
                    COMMAND_ERROR_IS_FATAL ANY)
  else()
    execute_process(COMMAND msginit --no-translator --locale=${lang}.UTF-8 --input=${PO_DIR}/limber.pot --output-file=${po}
                    COMMAND_ERROR_IS_FATAL ANY)
  endif()
endforeach()
