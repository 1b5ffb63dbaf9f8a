#include "clearing/account_book.h"

#include <gtest/gtest.h>

namespace cp::clearing {
namespace {

Account account(const std::string& id, MoneyKind money_kind) {
  return Account{id, AccountType::kIndividual, money_kind, Decimal::from_units(3, 4),
                 Decimal::from_units(500, 2)};
}

TEST(AccountBook, FindsEachAccountByIdAndNothingElse) {
  AccountBook book;
  EXPECT_TRUE(book.add(account("A1", MoneyKind::kClient)));
  EXPECT_TRUE(book.add(account("P1", MoneyKind::kOwn)));
  ASSERT_NE(book.find("P1"), nullptr);
  EXPECT_EQ(book.find("P1")->money_kind, MoneyKind::kOwn);
  EXPECT_EQ(book.find("A1")->money_kind, MoneyKind::kClient);
  EXPECT_EQ(book.find("A2"), nullptr);
  EXPECT_EQ(book.find(""), nullptr);
  EXPECT_EQ(book.size(), 2u);
}

TEST(AccountBook, RefusesASecondAccountWithTheSameIdAndKeepsTheFirst) {
  AccountBook book;
  ASSERT_TRUE(book.add(account("A1", MoneyKind::kClient)));
  EXPECT_FALSE(book.add(account("A1", MoneyKind::kOwn)));
  EXPECT_EQ(book.find("A1")->money_kind, MoneyKind::kClient);
  EXPECT_EQ(book.size(), 1u);
}

TEST(AccountBook, PointersStayValidWhileTheBookGrows) {
  AccountBook book;
  ASSERT_TRUE(book.add(account("A0", MoneyKind::kClient)));
  const Account* first = book.find("A0");
  for (int i = 1; i < 10'000; ++i)
    ASSERT_TRUE(book.add(account("A" + std::to_string(i), MoneyKind::kOwn)));
  EXPECT_EQ(book.find("A0"), first);
  EXPECT_EQ(first->account_id, "A0");
  EXPECT_EQ(book.find("A9999")->money_kind, MoneyKind::kOwn);
}

}  // namespace
}  // namespace cp::clearing
