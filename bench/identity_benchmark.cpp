// The cost of a sign-in's password check (Argon2id, libsodium "interactive": 2 passes over
// 64 MiB) and of a TOTP check: what bounds logins per second per core (docs/performance.md).
#include <benchmark/benchmark.h>

#include "identity/password.h"
#include "identity/totp.h"

namespace {

void BM_Argon2idVerify(benchmark::State& state) {
  const std::string hash = *cp::identity::hash_password("harbour lanterns at dusk");
  for (auto _ : state) {
    benchmark::DoNotOptimize(cp::identity::verify_password(hash, "harbour lanterns at dusk"));
  }
}
BENCHMARK(BM_Argon2idVerify)->Unit(benchmark::kMillisecond);

void BM_TotpVerify(benchmark::State& state) {
  const std::string secret = "12345678901234567890";
  int64_t now = 1234567890;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cp::identity::totp_verify(secret, "005924", now, 0));
  }
}
BENCHMARK(BM_TotpVerify)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
