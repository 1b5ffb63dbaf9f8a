// The clearing on two threads gives what the one-thread loop gives: the same results in the same
// order, the same digest, the same investors, whatever the batch size.
#include "eod/clearing_pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "eod/stage_testing.h"

namespace cp::eod {
namespace {

using namespace test_support;

class ClearingPipeline : public StageTest {
 protected:
  void SetUp() override {
    start("2024-03-15");
    inputs.fx[Channel::kShanghai] = rates("2024-03-15", "0.9150");
    inputs.closes_hkd["00700"] = D("300.00");
    inputs.closes_hkd["00005"] = D("60.00");
    std::vector<clearing::Execution> rows;
    for (int i = 0; i < 23; ++i) {
      rows.push_back(execution("T" + std::to_string(100 + i), "2024-03-15", i < 15 ? "A" : "P",
                               i % 3 == 0 ? "00005" : "00700",
                               i % 2 == 0 ? Side::kBuy : Side::kSell, 100 * (i + 1),
                               i % 3 == 0 ? "60.00" : "300.00"));
    }
    inputs.executions = clearing::ExecutionTable(rows);
    prepare();
  }

  // Each result as a line: trade id and every figure.
  static std::string line(const clearing::ExecutionResult& r) {
    return std::string(r.execution.trade_id()) + " " + r.consideration_hkd.to_string() + " " +
           r.fees.total_hkd.to_string() + " " + r.commission_hkd.to_string() + " " +
           r.investor_rmb.to_string() + " " + r.csdc_rmb.to_string() + "\n";
  }
};

TEST_F(ClearingPipeline, TwoThreadsGiveTheOneThreadLoopsResultsAndDigest) {
  DayClearing alone(inputs);
  std::string expected;
  while (const clearing::ExecutionResult* r = alone.next()) expected += line(*r);
  const clearing::ClearingResult alone_result = alone.finish();
  ASSERT_EQ(std::count(expected.begin(), expected.end(), '\n'), 23);

  // Batches of 1, of a size that leaves a partial last batch, and larger than the day.
  for (const size_t batch_rows : {size_t{1}, size_t{5}, size_t{100}}) {
    DayClearing paired(inputs);
    std::string taken;
    std::vector<int64_t> told;
    clear_on_two_threads(
        paired, [&](const clearing::ExecutionResult& r) { taken += line(r); },
        [&](int64_t cleared) { told.push_back(cleared); }, batch_rows);
    EXPECT_EQ(taken, expected) << batch_rows;
    EXPECT_EQ(paired.digest().hex(), alone.digest().hex()) << batch_rows;
    const clearing::ClearingResult result = paired.finish();
    ASSERT_EQ(result.investors.size(), alone_result.investors.size());
    for (size_t i = 0; i < result.investors.size(); ++i) {
      EXPECT_EQ(result.investors[i].net_rmb, alone_result.investors[i].net_rmb);
    }
    // Told after each full batch: 23 results in batches of 5 are told at 5, 10, 15 and 20.
    if (batch_rows == 5) {
      EXPECT_EQ(told, (std::vector<int64_t>{5, 10, 15, 20}));
    }
  }
}

TEST_F(ClearingPipeline, AnErrorInTheTakerStopsBothAndReachesTheCaller) {
  DayClearing paired(inputs);
  int taken = 0;
  EXPECT_THROW(clear_on_two_threads(
                   paired,
                   [&](const clearing::ExecutionResult&) {
                     if (++taken == 7) throw std::runtime_error("the encoder failed");
                   },
                   [](int64_t) {}, 2),
               std::runtime_error);
  EXPECT_EQ(taken, 7);  // nothing after the failure is taken
}

}  // namespace
}  // namespace cp::eod
