#include "trading/session.h"

#include <cstdio>

namespace cp::trading {

Phase phase_at(int t, DayShape shape) {
  if (t < hms(9, 0)) return Phase::kClosed;
  if (t < hms(9, 15)) return Phase::kPreOpenInput;
  if (t < hms(9, 30)) return Phase::kPreOpenMatching;
  if (t < hms(12, 0)) return Phase::kMorning;
  if (shape.half_day) {
    if (!shape.closing_auction) return Phase::kClosed;
    if (t < hms(12, 1)) return Phase::kCasReferenceFixing;
    if (t < hms(12, 6)) return Phase::kCasInput;
    if (t < hms(12, 10)) return Phase::kCasNoCancel;
    return Phase::kClosed;
  }
  if (t < hms(12, 30)) return Phase::kLunchNoInput;
  if (t < hms(13, 0)) return Phase::kLunchQueued;
  if (t < hms(16, 0)) return Phase::kAfternoon;
  if (!shape.closing_auction) return Phase::kClosed;
  if (t < hms(16, 1)) return Phase::kCasReferenceFixing;
  if (t < hms(16, 6)) return Phase::kCasInput;
  if (t < hms(16, 10)) return Phase::kCasNoCancel;
  return Phase::kClosed;
}

const char* phase_name(Phase phase) {
  switch (phase) {
    case Phase::kClosed:
      return "closed";
    case Phase::kPreOpenInput:
      return "pre-opening order input";
    case Phase::kPreOpenMatching:
      return "pre-opening matching";
    case Phase::kMorning:
      return "morning continuous trading";
    case Phase::kLunchNoInput:
      return "lunch break (no input)";
    case Phase::kLunchQueued:
      return "lunch break (input queued)";
    case Phase::kAfternoon:
      return "afternoon continuous trading";
    case Phase::kCasReferenceFixing:
      return "closing auction reference price fixing";
    case Phase::kCasInput:
      return "closing auction order input";
    case Phase::kCasNoCancel:
      return "closing auction no-cancellation";
  }
  return "closed";
}

const char* order_type_name(OrderType type) {
  return type == OrderType::kAtAuctionLimit ? "at-auction limit" : "enhanced limit";
}

bool accepts_input(Phase phase) {
  switch (phase) {
    case Phase::kPreOpenInput:
    case Phase::kMorning:
    case Phase::kLunchQueued:
    case Phase::kAfternoon:
    case Phase::kCasInput:
    case Phase::kCasNoCancel:
      return true;
    default:
      return false;
  }
}

bool accepts_cancel(Phase phase) {
  switch (phase) {
    case Phase::kPreOpenInput:
    case Phase::kMorning:
    case Phase::kLunchQueued:
    case Phase::kAfternoon:
    case Phase::kCasInput:
      return true;
    default:
      return false;
  }
}

bool is_continuous(Phase phase) {
  return phase == Phase::kMorning || phase == Phase::kLunchQueued || phase == Phase::kAfternoon;
}

bool is_closing_auction(Phase phase) {
  return phase == Phase::kCasReferenceFixing || phase == Phase::kCasInput ||
         phase == Phase::kCasNoCancel;
}

OrderType order_type_for(Phase phase) {
  return is_continuous(phase) ? OrderType::kEnhancedLimit : OrderType::kAtAuctionLimit;
}

std::string clock_text(int at_s) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d:%02d", at_s / 3600, at_s / 60 % 60, at_s % 60);
  return text;
}

}  // namespace cp::trading
