// Generates a big trading day for the EOD macro benchmark (bench/eod_macro): a data directory
// (the shipped reference data plus a securities master of the generated codes) and the day's
// input files, skewed as on a busy day: a few securities and accounts take most of the trades.
//
// Usage: eod_generate OUT_DIR EXECUTIONS ACCOUNTS SECURITIES
// Writes OUT_DIR/data/ (copy of data/ with securities.csv replaced) and OUT_DIR/{accounts,
// executions,prices,fx,cash,reserves}.csv for trade date 2024-03-15.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

// SplitMix64: fully specified, so every machine generates the same day.
struct Random {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t bound) { return next() % bound; }
  // Skewed toward 0: the cube of a uniform draw (about half the draws land in the first eighth).
  uint64_t skewed(uint64_t bound) {
    const uint64_t u = next() >> 43;                             // 21 bits
    const uint64_t cube = u * u * u;                             // < 2^63
    return ((cube >> 21) * (bound & ((1ULL << 22) - 1))) >> 42;  // bound < 2^22 (4M)
  }
};

std::string code_of(uint64_t i) {
  char text[8];
  std::snprintf(text, sizeof text, "%05llu", static_cast<unsigned long long>(10000 + i));
  return text;
}

// Base prices in thousandths, placed so that base ± 10 ticks stays inside one band of the
// pre-2025 spread table: HK$3-8 (tick 0.01), HK$30-89 (tick 0.05), HK$250-449 (tick 0.20).
int64_t base_price_milli(uint64_t i) {
  switch (i % 3) {
    case 0:
      return 3'000 + static_cast<int64_t>(i / 3 % 6) * 1'000;
    case 1:
      return 30'000 + static_cast<int64_t>(i / 3 % 60) * 1'000;
    default:
      return 250'000 + static_cast<int64_t>(i / 3 % 200) * 1'000;
  }
}
int64_t tick_milli(int64_t price_milli) {
  if (price_milli <= 10'000) return 10;
  if (price_milli <= 100'000) return 50;
  return 200;
}

std::string money_text(int64_t milli) {
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%03lld", static_cast<long long>(milli / 1000),
                static_cast<long long>(milli % 1000));
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: eod_generate OUT_DIR EXECUTIONS ACCOUNTS SECURITIES\n");
    return 2;
  }
  namespace fs = std::filesystem;
  const fs::path out = argv[1];
  const uint64_t executions = std::stoull(argv[2]);
  const uint64_t accounts = std::stoull(argv[3]);
  const uint64_t securities = std::stoull(argv[4]);
  fs::create_directories(out / "data");
  fs::copy(fs::path(CONNECTPOST_SOURCE_DIR) / "data", out / "data",
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  {
    // CSDC's margin by the rate formula (risk.margin_method rate), which the peers compute too:
    // the shipped hkscc_rpf would read a 2,100-day price history of every generated security.
    std::ifstream shipped(fs::path(CONNECTPOST_SOURCE_DIR) / "data/parameters.csv");
    std::ofstream pinned(out / "data/parameters.csv");
    std::string line;
    while (std::getline(shipped, line)) {
      if (line.rfind("risk.margin_method,hkscc_rpf,", 0) == 0) {
        line = "risk.margin_method,rate,text,2022-06-13,,bench/eod_generate.cpp,the peers' formula";
      }
      pinned << line << "\n";
    }
  }
  Random random{2024};
  const char* date = "2024-03-15";

  std::ofstream master(out / "data/securities.csv");
  master << "code,name,board_lot,kind,hsci_size,hsi_hscei,ah_venue,a_share_status,currency,"
            "avg_mcap_hkd,effective_from,effective_to,source\n";
  std::ofstream prices(out / "prices.csv");
  prices << "price_date,security,close_hkd\n";
  for (uint64_t i = 0; i < securities; ++i) {
    master << code_of(i) << ",Generated " << i << ",100,equity," << (i % 3 == 0 ? "large" : "mid")
           << ",false,none,none,HKD,,2014-11-17,,generated for the EOD macro benchmark\n";
    prices << date << "," << code_of(i) << "," << money_text(base_price_milli(i)) << "\n";
  }
  std::ofstream account_file(out / "accounts.csv");
  account_file << "account_id,account_type,money_kind,a_share_online_rate,commission_rate,"
                  "commission_min_hkd\n";
  std::ofstream cash(out / "cash.csv");
  cash << "as_of,account,currency,amount\n";
  for (uint64_t i = 0; i < accounts; ++i) {
    const bool own = i % 1000 == 999;
    account_file << "A" << i << (own ? ",proprietary,own,0,," : ",individual,client,0.00025,,5.00")
                 << "\n";
    if (!own) cash << "2024-03-14,A" << i << ",CNY,1000000.00\n";
  }
  std::ofstream fx(out / "fx.csv");
  fx << "rate_date,channel,reference_buy,reference_sell,settlement_buy,settlement_sell\n"
     << date << ",sh,0.8849,0.9397,0.91264,0.91196\n"
     << date << ",sz,0.8849,0.9397,0.91267,0.91193\n";
  std::ofstream reserves(out / "reserves.csv");
  reserves << "balance_date,channel,reserve,balance_rmb\n";
  for (const char* channel : {"sh", "sz"}) {
    reserves << "2024-03-14," << channel << ",client,100000000000.00\n";
    reserves << "2024-03-14," << channel << ",own,1000000000.00\n";
  }

  std::FILE* file = std::fopen((out / "executions.csv").c_str(), "wb");
  std::string buffer = "trade_id,trade_date,channel,account,security,side,quantity,price\n";
  for (uint64_t i = 0; i < executions; ++i) {
    const uint64_t security = random.skewed(securities);
    const int64_t base = base_price_milli(security);
    const int64_t tick = tick_milli(base);
    const int64_t price = base + (static_cast<int64_t>(random.below(21)) - 10) * tick;
    buffer += "E" + std::to_string(i) + "," + date + "," + (random.below(3) < 2 ? "sh" : "sz") +
              ",A" + std::to_string(random.skewed(accounts)) + "," + code_of(security) + "," +
              (random.below(2) == 0 ? "buy" : "sell") + "," +
              std::to_string(100 * (1 + random.below(20))) + "," + money_text(price) + "\n";
    if (buffer.size() > (1 << 22)) {
      std::fwrite(buffer.data(), 1, buffer.size(), file);
      buffer.clear();
    }
  }
  std::fwrite(buffer.data(), 1, buffer.size(), file);
  std::fclose(file);
  return 0;
}
