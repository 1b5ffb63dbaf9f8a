// Effective-dated reference data with provenance (DESIGN "Key decisions"): every row says where
// it comes from (`source`: a URL or a document) and when it is in force. Calendars, fee
// schedules, the spread table and parameters are all tables of such rows; no rule hard-codes a
// date or a rate.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "core/date.h"

namespace cp::refdata {

struct Provenance {
  std::string source;                // URL or document; never empty
  Date effective_from;               // first day in force
  std::optional<Date> effective_to;  // last day in force (inclusive); none = still in force
  std::string file;                  // where the row was read
  int64_t line = 0;

  bool in_force_on(Date date) const {
    return effective_from <= date && (!effective_to || date <= *effective_to);
  }
  bool overlaps(const Provenance& other) const;
  // "data/parameters.csv:12"
  std::string location() const { return file + ":" + std::to_string(line); }
};

// Reads the columns `source`, `effective_from` and `effective_to` of a record; checks that the
// source is given and that the range is not reversed.
Result<Provenance> read_provenance(const CsvReader& reader, const CsvRecord& record);

// Rows of type Row keyed by a string; for one key, ranges in force never overlap.
template <typename Row>
class DatedTable {
 public:
  struct Entry {
    std::string key;
    Row row;
    Provenance provenance;
  };

  // Adds a row; refuses one whose range overlaps a row of the same key, naming both.
  Result<void> add(std::string key, Row row, Provenance provenance) {
    auto& indexes = by_key_[key];
    for (size_t index : indexes) {
      const Entry& existing = entries_[index];
      if (existing.provenance.overlaps(provenance)) {
        Error error = invalid_input(
            "'" + key + "' is in force from " + provenance.effective_from.to_string() +
                ", which overlaps the range of " + existing.provenance.location() + " (" +
                describe_range(existing.provenance) + ")",
            "effective_from");
        error.file = provenance.file;
        error.line = provenance.line;
        return error;
      }
    }
    indexes.push_back(entries_.size());
    entries_.push_back(Entry{std::move(key), std::move(row), std::move(provenance)});
    return Ok{};
  }

  // From `provenance.effective_from` on, `row` replaces the row of `key` in force that day: that
  // row now ends the day before, and the new one runs to where it ran. Refused, changing
  // nothing, when no row is in force that day or the one in force starts that very day.
  Result<void> supersede(std::string key, Row row, Provenance provenance) {
    const Date from = provenance.effective_from;
    const auto found = by_key_.find(key);
    Entry* current = nullptr;
    if (found != by_key_.end()) {
      for (size_t index : found->second) {
        if (entries_[index].provenance.in_force_on(from)) current = &entries_[index];
      }
    }
    if (current == nullptr) {
      return invalid_input(
          "'" + key + "' has no row in force on " + from.to_string() + " to replace",
          "effective_from");
    }
    if (current->provenance.effective_from == from) {
      return invalid_input("'" + key + "' already has a row from " + from.to_string() + " (" +
                               current->provenance.location() + ")",
                           "effective_from");
    }
    provenance.effective_to = current->provenance.effective_to;
    current->provenance.effective_to = from.plus_days(-1);
    by_key_[key].push_back(entries_.size());
    entries_.push_back(Entry{std::move(key), std::move(row), std::move(provenance)});
    return Ok{};
  }

  // The row of `key` in force on `date`, or nullptr.
  const Entry* in_force(std::string_view key, Date date) const {
    auto found = by_key_.find(std::string(key));
    if (found == by_key_.end()) return nullptr;
    for (size_t index : found->second) {
      if (entries_[index].provenance.in_force_on(date)) return &entries_[index];
    }
    return nullptr;
  }

  // The row of `key` in force on `date`, to change in place (a what-if's copy), or nullptr.
  Row* row_in_force(std::string_view key, Date date) {
    auto found = by_key_.find(std::string(key));
    if (found == by_key_.end()) return nullptr;
    for (size_t index : found->second) {
      if (entries_[index].provenance.in_force_on(date)) return &entries_[index].row;
    }
    return nullptr;
  }

  // Every row in force on `date`, ordered by key.
  std::vector<const Entry*> all_in_force(Date date) const {
    std::vector<const Entry*> out;
    for (const auto& [key, indexes] : by_key_) {
      for (size_t index : indexes) {
        if (entries_[index].provenance.in_force_on(date)) out.push_back(&entries_[index]);
      }
    }
    return out;
  }

  const std::vector<Entry>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

  static std::string describe_range(const Provenance& p) {
    return p.effective_from.to_string() + " to " +
           (p.effective_to ? p.effective_to->to_string() : std::string("open end"));
  }

 private:
  std::vector<Entry> entries_;
  std::map<std::string, std::vector<size_t>, std::less<>> by_key_;
};

}  // namespace cp::refdata
