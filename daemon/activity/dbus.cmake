# D-Bus activity parts: the sd-bus connection on the libuv loop, the GNOME
# Mutter idle-monitor source and the logind lock/sleep watch.
# Included from daemon/activity/CMakeLists.txt.
pkg_check_modules(LIBSYSTEMD REQUIRED IMPORTED_TARGET libsystemd)

add_library(limber_activity_dbus STATIC
  ${CMAKE_CURRENT_LIST_DIR}/sd_bus_connection.cc
  ${CMAKE_CURRENT_LIST_DIR}/mutter_source.cc
  ${CMAKE_CURRENT_LIST_DIR}/logind_watch.cc)
target_link_libraries(limber_activity_dbus
  PUBLIC limber_daemon_base PkgConfig::LIBSYSTEMD
  PRIVATE limber_warnings)

target_link_libraries(limber_activity INTERFACE limber_activity_dbus)
