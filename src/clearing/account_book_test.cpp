#include "clearing/account_book.h"

#include <gtest/gtest.h>

namespace cp::clearing {
namespace {

Account account(const std::string& id, const std::string& money_kind) {
  return Account{id, "individual", money_kind, Decimal::from_units(3, 4),
                 Decimal::from_units(500, 2)};
}

TEST(AccountBook, FindsEachAccountByIdAndNothingElse) {
  AccountBook book;
  EXPECT_TRUE(book.add(account("A1", "client")));
  EXPECT_TRUE(book.add(account("P1", "own")));
  ASSERT_NE(book.find("P1"), nullptr);
  EXPECT_EQ(book.find("P1")->money_kind, "own");
  EXPECT_EQ(book.find("A1")->money_kind, "client");
  EXPECT_EQ(book.find("A2"), nullptr);
  EXPECT_EQ(book.find(""), nullptr);
  EXPECT_EQ(book.size(), 2u);
}

TEST(AccountBook, RefusesASecondAccountWithTheSameIdAndKeepsTheFirst) {
  AccountBook book;
  ASSERT_TRUE(book.add(account("A1", "client")));
  EXPECT_FALSE(book.add(account("A1", "own")));
  EXPECT_EQ(book.find("A1")->money_kind, "client");
  EXPECT_EQ(book.size(), 1u);
}

TEST(AccountBook, PointersStayValidWhileTheBookGrows) {
  AccountBook book;
  ASSERT_TRUE(book.add(account("A0", "client")));
  const Account* first = book.find("A0");
  for (int i = 1; i < 10'000; ++i) ASSERT_TRUE(book.add(account("A" + std::to_string(i), "own")));
  EXPECT_EQ(book.find("A0"), first);
  EXPECT_EQ(first->account_id, "A0");
  EXPECT_EQ(book.find("A9999")->money_kind, "own");
}

}  // namespace
}  // namespace cp::clearing
