// The fixture of the parameter-reader check (tests/CMakeLists.txt, parameter_readers_fixture):
// three keys are read here, and "only.in.a.comment" is only written about, so the check fails.
const char* kWhole = "read.whole";
const char* kPrefix = "read.by_channel.";
const char* kFlows[] = {"flow_a", "stl.", ".cutoff"};
