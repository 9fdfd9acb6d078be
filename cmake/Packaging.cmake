# The Debian package: `cmake --build build --target package` makes socketlab_VERSION_amd64.deb.
# Included from the top level after the executables are defined. The binaries' own install rules are
# next to them (app/gui, app/cli); this file adds what only a package needs (manual pages, the
# copyright file, the changelog) and configures CPack.

set(SOCKETLAB_PACKAGE_MAINTAINER "SocketLab maintainers <maintainers@users.noreply.r-seed-7ee79d5d.example>"
    CACHE STRING "The Maintainer field of the Debian package, 'Name <address>'")

set(packaging_dir ${CMAKE_SOURCE_DIR}/packaging)
set(packaging_out ${CMAKE_BINARY_DIR}/packaging)
# GNUInstallDirs names it after the project (SocketLab); Debian wants it named after the package.
set(doc_dir ${CMAKE_INSTALL_DATAROOTDIR}/doc/socketlab)

# Manual pages and the changelog are compressed with -n: no name or time stamp inside, so the same
# sources give the same package.
find_program(SOCKETLAB_GZIP gzip REQUIRED)

# socketlab-cli(1) is its help, the top-level --help and each command's, read from the binary just
# built by packaging/cli-manpage.py: a page written by hand would drift from the options. (help2man
# reads only the top-level --help and misreads its command table.)
find_package(Python3 REQUIRED COMPONENTS Interpreter)
string(TIMESTAMP manpage_date "%B %Y" UTC)
add_custom_command(
    OUTPUT ${packaging_out}/socketlab-cli.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${packaging_out}
    COMMAND Python3::Interpreter ${packaging_dir}/cli-manpage.py $<TARGET_FILE:socketlab-cli> ${PROJECT_VERSION}
            ${manpage_date} ${packaging_out}/socketlab-cli.1
    COMMAND ${SOCKETLAB_GZIP} -9nf ${packaging_out}/socketlab-cli.1
    DEPENDS socketlab-cli ${packaging_dir}/cli-manpage.py
    COMMENT "Writing the socketlab-cli manual page from its --help"
    VERBATIM)
add_custom_target(socketlab_cli_manpage ALL DEPENDS ${packaging_out}/socketlab-cli.1.gz)
install(FILES ${packaging_out}/socketlab-cli.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# socketlab(1): the window has no --help to build it from; the page is written by hand.
configure_file(${packaging_dir}/socketlab.1 ${packaging_out}/socketlab.1 @ONLY)
configure_file(${packaging_dir}/changelog.in ${packaging_out}/changelog @ONLY)
add_custom_command(
    OUTPUT ${packaging_out}/socketlab.1.gz ${packaging_out}/changelog.gz
    COMMAND ${SOCKETLAB_GZIP} -9nkf ${packaging_out}/socketlab.1 ${packaging_out}/changelog
    DEPENDS ${packaging_out}/socketlab.1 ${packaging_out}/changelog
    COMMENT "Compressing the socketlab manual page and the changelog"
    VERBATIM)
add_custom_target(socketlab_package_docs ALL DEPENDS ${packaging_out}/socketlab.1.gz ${packaging_out}/changelog.gz)
install(FILES ${packaging_out}/socketlab.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# The version has no Debian revision, so the package is "native" and its changelog is changelog.gz.
install(FILES ${packaging_out}/changelog.gz ${packaging_dir}/copyright DESTINATION ${doc_dir})

# Directories 0755 whatever the builder's umask (lintian: non-standard-dir-perm).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS ${CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME socketlab)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT ${SOCKETLAB_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop workbench for BSD sockets")
# Lines under 80 columns: dpkg shows them as they are (lintian: extended-description-line-too-long).
set(CPACK_PACKAGE_DESCRIPTION
    "SocketLab sends a raw request (an HTTP/1.0 GET typed by hand, bytes for a
UDP server) and shows exactly what crossed the socket: every byte of the reply
in hex and as text, where each recv() ended, why reading stopped, which socket
calls were made and what they returned, and what a name resolves to.

The package holds the window (socketlab) and the command line (socketlab-cli),
which runs the same code from scripts: TCP and UDP exchanges, getaddrinfo()
and getnameinfo(), local servers and long-lived conversations, JSON output.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The Depends field from the libraries the binaries link (dpkg-shlibdeps, from dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The binaries are built RelWithDebInfo; the package carries them stripped (lintian: unstripped-binary-or-object).
set(CPACK_STRIP_FILES ON)

include(CPack)
