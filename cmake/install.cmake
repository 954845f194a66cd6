# What `cmake --install` puts where (GNUInstallDirs), and the Debian package
# CPack makes of it (tools/package builds and checks it).
install(TARGETS lektion RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(LEKTION_SHARE ${CMAKE_INSTALL_DATADIR}/lektion)
# The shipped course: its folder, as a package would install it for a user.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/karriereplanlaegning DESTINATION ${LEKTION_SHARE}/courses
        PATTERN ".*" EXCLUDE)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/locales/ DESTINATION ${LEKTION_SHARE}/locales
        FILES_MATCHING PATTERN "*.xlf")
install(FILES ${PROJECT_SOURCE_DIR}/content/schema/lektion.xsd DESTINATION ${LEKTION_SHARE}/schema)

# The guides. Debian wants the changelog compressed and a copyright file.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/TRANSLATING.md
              ${PROJECT_SOURCE_DIR}/content/FORMAT.md ${PROJECT_SOURCE_DIR}/PORTING.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/assets/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The tour, the course authors copy from, as an example (Debian's place for
# them): not among the courses, so that learners choose only real courses.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/tour DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        PATTERN ".*" EXCLUDE)

# --- the .deb (cpack -G DEB, from tools/package) ------------------------------
set(CPACK_PACKAGE_NAME lektion)
set(CPACK_PACKAGE_VENDOR "lektion")
set(CPACK_PACKAGE_CONTACT "lektion maintainers <maintainers@lektion.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline e-learning course player and authoring tools")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the long description after it.
set(CPACK_PACKAGE_DESCRIPTION
    "lektion plays courses written in XML on a learner's desktop (Dear ImGui),\n\
or as plain lines of text for screen readers and terminals, and keeps every\n\
learner's progress in a local SQLite database. It checks courses with a\n\
linter, exchanges translations as XLIFF and PO, and packs courses into one\n\
file (.lektion) that learners install.\n\
.\n\
It ships with a Danish vocational course and its English translation.")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from dpkg-shlibdeps
# The player draws with fonts it finds at run time (player/fonts.cpp).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core, fonts-dejavu-core")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
