// Every UBSan report ends the run (libFuzzer then saves the input) unless UBSAN_OPTIONS
// names a suppressions file that covers it (README.md).
extern "C" const char *__ubsan_default_options()
{
    return "halt_on_error=1:print_stacktrace=1:report_error_type=1";
}
