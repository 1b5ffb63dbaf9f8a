// The fields every input file shares, read from a CSV record with errors naming the file, line,
// column and field (core/csv.h).
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/csv.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"

namespace cp::clearing {

// The most shares a position or an execution may hold: more than any issuer has issued.
inline constexpr int64_t kSharesMax = 1'000'000'000'000;

// Field `col` of `record` as a decimal with at most `max_scale` decimals, above zero when
// `positive`, else at or above it.
Result<Decimal> decimal_field(const CsvReader& reader, const CsvRecord& record, size_t col,
                              int max_scale, bool positive);
// Field `col` of `record` as a whole number from 0 to `max` written in ASCII digits only (no
// sign, no spaces, no decimals): counts such as a test's questions.
Result<int64_t> whole_number_field(const CsvReader& reader, const CsvRecord& record, size_t col,
                                   int64_t max);
Result<Date> date_field(const CsvReader& reader, const CsvRecord& record, size_t col);
Result<Channel> channel_field(const CsvReader& reader, const CsvRecord& record, size_t col);

}  // namespace cp::clearing
