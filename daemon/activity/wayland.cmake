# Wayland activity source: ext-idle-notify-v1, else org_kde_kwin_idle.
#
# The protocol code is generated at build time with wayland-scanner from the
# XML that wayland-protocols and plasma-wayland-protocols install, so the
# source always matches the protocols of the system it is built on.
pkg_check_modules(WAYLAND_CLIENT REQUIRED IMPORTED_TARGET wayland-client)
pkg_check_modules(WAYLAND_PROTOCOLS REQUIRED wayland-protocols)

pkg_get_variable(_limber_scanner wayland-scanner wayland_scanner)
find_program(LIMBER_WAYLAND_SCANNER NAMES wayland-scanner HINTS ${_limber_scanner} REQUIRED)

pkg_get_variable(_limber_wp_dir wayland-protocols pkgdatadir)
find_file(LIMBER_EXT_IDLE_NOTIFY_XML ext-idle-notify-v1.xml
  HINTS ${_limber_wp_dir}/staging/ext-idle-notify
  REQUIRED NO_DEFAULT_PATH)

# plasma-wayland-protocols ships a CMake package rather than a .pc file.
find_package(PlasmaWaylandProtocols CONFIG QUIET)
find_file(LIMBER_KDE_IDLE_XML idle.xml
  HINTS ${PLASMA_WAYLAND_PROTOCOLS_DIR} /usr/share/plasma-wayland-protocols
  REQUIRED NO_DEFAULT_PATH)

# limber_wayland_protocol_library(<target> <client|server> <name>=<xml> ...)
#
# Builds a static library with the wayland-scanner code of each protocol
# (`private-code`) and puts its generated header, <name>-<side>-protocol.h,
# on the library's include path. Generated code is kept out of the targets
# that link limber_warnings (it is C and not ours), and its headers are
# SYSTEM headers for the same reason. The Wayland integration tests use this
# for the server side of their test compositor.
function(limber_wayland_protocol_library target side)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target}-generated)
  file(MAKE_DIRECTORY ${out})
  set(sources)
  foreach(spec IN LISTS ARGN)
    string(REPLACE "=" ";" parts "${spec}")
    list(GET parts 0 name)
    list(GET parts 1 xml)
    add_custom_command(
      OUTPUT ${out}/${name}-${side}-protocol.h
      COMMAND ${LIMBER_WAYLAND_SCANNER} ${side}-header ${xml} ${out}/${name}-${side}-protocol.h
      DEPENDS ${xml}
      COMMENT "wayland-scanner ${side}-header ${name}"
      VERBATIM)
    add_custom_command(
      OUTPUT ${out}/${name}-protocol.c
      COMMAND ${LIMBER_WAYLAND_SCANNER} private-code ${xml} ${out}/${name}-protocol.c
      DEPENDS ${xml}
      COMMENT "wayland-scanner private-code ${name}"
      VERBATIM)
    list(APPEND sources ${out}/${name}-${side}-protocol.h ${out}/${name}-protocol.c)
  endforeach()
  add_library(${target} STATIC ${sources})
  target_include_directories(${target} SYSTEM PUBLIC ${out})
endfunction()

limber_wayland_protocol_library(limber_wayland_client_protocols client
  ext-idle-notify-v1=${LIMBER_EXT_IDLE_NOTIFY_XML}
  kde-idle=${LIMBER_KDE_IDLE_XML})
target_link_libraries(limber_wayland_client_protocols PUBLIC PkgConfig::WAYLAND_CLIENT)

add_library(limber_activity_wayland STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/wayland_source.cc)
target_link_libraries(limber_activity_wayland
  PUBLIC limber_daemon_base PkgConfig::WAYLAND_CLIENT
  PRIVATE limber_wayland_client_protocols limber_warnings)

target_link_libraries(limber_activity INTERFACE limber_activity_wayland)
