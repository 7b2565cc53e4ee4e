// Default options for the sanitizer runtimes, linked into every executable
// of a sanitizer build (LIMBER_SANITIZE, the `asan` preset).
//
// The tests start limberd, limberctl and limber-tray with an environment of
// their own making (nothing of the runner's leaks in), so ASAN_OPTIONS and
// LSAN_OPTIONS set for ctest would never reach them. Compiled-in defaults
// do; a variable set in the environment still overrides them.
//
// The runtimes call these before main(), on whatever thread starts first.

extern "C" {

// Leaks are checked at exit; stack-use-after-return and initialization
// order are checked too (off by default, cheap enough for the test suite).
const char* __asan_default_options() {
  return "detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:"
         "strict_init_order=1";
}

// Leaks inside third-party libraries (GTK, wx, fontconfig, D-Bus) are
// suppressed from the commented list; leaks in Limber's code are not.
const char* __lsan_default_options() {
  return "suppressions=" LIMBER_LSAN_SUPPRESSIONS ":print_suppressions=0";
}

// Undefined behaviour stops the process (with -fno-sanitize-recover) and
// says where it happened.
const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }

}  // extern "C"
