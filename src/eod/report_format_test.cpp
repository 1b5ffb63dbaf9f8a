// The report writers: an XLSX amount is a number where Excel shows it exactly, text otherwise
// (issue 16 item 5, issue 19 item 2). The sheet's XML is read back with Python's zipfile, which
// every test machine has (the SMTP sink runs on it).
#include "eod/report_format.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace cp::eod {
namespace {

std::string sheet_xml(const std::string& xlsx) {
  const std::string command =
      "/usr/bin/python3 -c \"import sys, zipfile; "
      "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("
      "'xl/worksheets/sheet1.xml').decode())\" '" +
      xlsx + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  std::string out;
  std::array<char, 4096> buffer{};
  size_t read = 0;
  while (pipe && (read = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) {
    out.append(buffer.data(), read);
  }
  return out;
}

TEST(ReportXlsx, AmountsAreNumbersWhereExcelShowsThemExactly) {
  Report report{"book-stress",
                "test",
                {"scenario", "pnl_hkd", "risk_funds_rmb", "huge"},
                {{"down", "-6314000", "12673160.80", "1234567890123456.78"}},
                {false, true, true, true}};
  const auto path = std::filesystem::temp_directory_path() /
                    ("cp_report_" + std::to_string(::getpid()) + ".xlsx");
  ASSERT_TRUE(write_report_xlsx(report, path.string()).ok());
  const std::string xml = sheet_xml(path.string());
  std::filesystem::remove(path);
  ASSERT_NE(xml.find("<sheetData>"), std::string::npos) << xml;
  // Row 4 (the first data row): B and C are numbers (<v> without t="s"), each the decimal's
  // own digits; D has 18 significant digits, beyond Excel's 15, so it stays a string.
  EXPECT_NE(xml.find("<v>-6314000</v>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<v>12673160.8</v>"), std::string::npos) << xml;
  auto cell = [&xml](const std::string& ref) {
    const size_t at = xml.find("<c r=\"" + ref + "\"");
    return at == std::string::npos ? std::string() : xml.substr(at, xml.find('>', at) - at);
  };
  EXPECT_EQ(cell("B4").find("t=\"s\""), std::string::npos) << cell("B4");
  EXPECT_EQ(cell("C4").find("t=\"s\""), std::string::npos) << cell("C4");
  EXPECT_NE(cell("D4").find("t=\"s\""), std::string::npos) << cell("D4");
  EXPECT_NE(cell("A4").find("t=\"s\""), std::string::npos) << cell("A4");
}

}  // namespace
}  // namespace cp::eod
