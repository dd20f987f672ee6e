// Hostile and odd XML against ParseXmlSafely: entity tricks, size, depth, encodings, truncation.
#include "ingest/xml_guard.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/cap_message.h"
#include "ingest/convert.h"
#include "ingest/jma_message.h"

namespace machikado::ingest {
namespace {

constexpr char kMinimalJma[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Report xmlns=\"http://xml.kishou.go.jp/jmaxml1/\">"
    "<Control><Title>季節観測</Title><Status>通常</Status></Control>"
    "<Head xmlns=\"http://xml.kishou.go.jp/jmaxml1/informationBasis1/\">"
    "<Title>季節観測</Title><ReportDateTime>2009-01-09T11:00:00+09:00</ReportDateTime>"
    "<InfoType>発表</InfoType></Head></Report>";

TEST(XmlGuard, ReadsAPlainUtf8Document) {
  auto r = ParseXmlSafely(kMinimalJma);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->encoding, "utf-8");
  EXPECT_STREQ(r->doc->document_element().name(), "Report");
}

TEST(XmlGuard, RefusesBillionLaughsBeforeParsing) {
  std::string doc =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
      " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
      "<lolz>&lol3;</lolz>";
  auto r = ParseXmlSafely(doc);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("document type or entity declaration"), std::string::npos)
      << r.status().message();
}

TEST(XmlGuard, RefusesExternalEntities) {
  const std::string doc =
      "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
      "<r>&xxe;</r>";
  auto r = ParseXmlSafely(doc);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("<!DOCTYPE"), std::string::npos) << r.status().message();
}

TEST(XmlGuard, RefusesAnEntityDeclarationOutsideADoctypeToo) {
  EXPECT_FALSE(ParseXmlSafely("<r><!ENTITY a \"b\"></r>").ok());
}

TEST(XmlGuard, AllowsDeclarationLookalikesInCommentsAndCdata) {
  auto r = ParseXmlSafely("<r><!-- <!DOCTYPE x> --><![CDATA[<!ENTITY y>]]></r>");
  EXPECT_TRUE(r.ok()) << r.status().message();
}

TEST(XmlGuard, LeavesUndeclaredEntityReferencesUnexpanded) {
  auto r = ParseXmlSafely("<r>&amp;&#x41;&unknown;</r>");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(std::string(r->doc->document_element().text().get()), "&A&unknown;");
}

TEST(XmlGuard, RefusesADocumentOverTheSizeCapWithoutParsing) {
  XmlLimits limits;
  limits.max_bytes = 1024;
  std::string big = "<r>" + std::string(2000, 'x') + "</r>";
  auto r = ParseXmlSafely(big, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_NE(r.status().message().find("larger than 1024 bytes"), std::string::npos);
}

TEST(XmlGuard, RefusesAHundredMegabyteDocument) {
  const std::string huge(100u * 1024 * 1024, ' ');
  auto r = ParseXmlSafely(huge);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
}

TEST(XmlGuard, RefusesDeepNestingBeforeParsing) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  auto r = ParseXmlSafely(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("nested deeper than 48"), std::string::npos)
      << r.status().message();
}

TEST(XmlGuard, CountsSelfClosingAndQuotedGreaterThanCorrectly) {
  std::string doc = "<r>";
  for (int i = 0; i < 100; ++i) doc += "<a x=\"1>/\"/>";
  doc += "</r>";
  EXPECT_TRUE(ParseXmlSafely(doc).ok());
}

TEST(XmlGuard, RefusesTooManyElements) {
  XmlLimits limits;
  limits.max_elements = 50;
  std::string doc = "<r>";
  for (int i = 0; i < 60; ++i) doc += "<a/>";
  doc += "</r>";
  auto r = ParseXmlSafely(doc, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("more than 50 elements"), std::string::npos);
}

TEST(XmlGuard, RefusesATruncatedDocumentWithItsPlace) {
  const std::string whole = kMinimalJma;
  auto r = ParseXmlSafely(whole.substr(0, whole.size() - 20));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not well-formed XML"), std::string::npos)
      << r.status().message();
}

TEST(XmlGuard, RefusesEmptyInput) {
  EXPECT_FALSE(ParseXmlSafely("").ok());
}

TEST(XmlGuard, StripsAUtf8ByteOrderMark) {
  auto r = ParseXmlSafely("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><r>あ</r>");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(std::string(r->doc->document_element().text().get()), "あ");
}

TEST(XmlGuard, RefusesInvalidUtf8InADocumentThatClaimsUtf8) {
  // "あ" in Shift_JIS (82 A0) inside a document without an encoding declaration.
  auto r = ParseXmlSafely("<r>\x82\xA0</r>");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not valid UTF-8"), std::string::npos);
}

TEST(XmlGuard, ConvertsDeclaredShiftJis) {
  // 「津波」 in Shift_JIS is 92 C3 94 67.
  auto r = ParseXmlSafely("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><r>\x92\xC3\x94\x67</r>");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->encoding, "shift_jis");
  EXPECT_EQ(std::string(r->doc->document_element().text().get()), "津波");
}

TEST(XmlGuard, ConvertsDeclaredEucJpAndLatin1) {
  // 「津波」 in EUC-JP is C4 C5 C7 C8; "é" in ISO-8859-1 is E9.
  auto e = ParseXmlSafely("<?xml version='1.0' encoding='EUC-JP'?><r>\xC4\xC5\xC7\xC8</r>");
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(std::string(e->doc->document_element().text().get()), "津波");
  auto l = ParseXmlSafely("<?xml version='1.0' encoding='ISO-8859-1'?><r>caf\xE9</r>");
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(std::string(l->doc->document_element().text().get()), "café");
}

TEST(XmlGuard, ConvertsUtf16WithAByteOrderMark) {
  const std::u16string text = u"<r>津波</r>";
  std::string le = "\xFF\xFE";
  for (char16_t c : text) {
    le += static_cast<char>(c & 0xFF);
    le += static_cast<char>(c >> 8);
  }
  auto r = ParseXmlSafely(le);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(std::string(r->doc->document_element().text().get()), "津波");
}

TEST(XmlGuard, RefusesBytesThatAreNotInTheDeclaredEncoding) {
  // 0xFF is not a Shift_JIS lead byte.
  auto r = ParseXmlSafely("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><r>\xFF\xFF</r>");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not valid shift_jis"), std::string::npos)
      << r.status().message();
}

TEST(XmlGuard, RefusesAnUnknownEncoding) {
  auto r = ParseXmlSafely("<?xml version=\"1.0\" encoding=\"x-made-up\"?><r/>");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("x-made-up"), std::string::npos);
}

TEST(XmlGuard, RefusesABomThatContradictsTheDeclaration) {
  EXPECT_FALSE(
      ParseXmlSafely("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><r/>").ok());
}

TEST(XmlGuard, JmaReaderRefusesAWrongNamespace) {
  std::string doc = kMinimalJma;
  doc.replace(doc.find("jmaxml1/\""), 8, "jmaxml9/");
  auto r = ReadMessage(doc, &ParseJmaMessage);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("namespace"), std::string::npos) << r.status().message();
}

TEST(XmlGuard, JmaReaderRefusesAnotherRootElement) {
  auto r = ReadMessage("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", &ParseJmaMessage);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not a JMA <Report>"), std::string::npos);
}

TEST(XmlGuard, CapReaderRefusesCap11AndOtherNamespaces) {
  auto r = ReadMessage("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.1\"/>", &ParseCapMessage);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not CAP 1.2"), std::string::npos);
}

TEST(XmlGuard, AnUnreadableMessageChangesNothingInForce) {
  AlertState state;
  AreaFilter all;
  all.all = true;
  const std::string good =
      "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>a</identifier>"
      "<sender>s</sender><sent>2026-11-23T09:00:00+09:00</sent><status>Actual</status>"
      "<msgType>Alert</msgType><scope>Public</scope><info><event>Flood</event></info></alert>";
  const std::string cancel_truncated =
      "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>b</identifier>"
      "<sender>s</sender><sent>2026-11-23T10:00:00+09:00</sent><status>Actual</status>"
      "<msgType>Cancel</msgType><references>s,a,2026-11-23T09:00:00+09:00</references";
  auto c = ConvertMessages({{"good.xml", good}, {"bad.xml", cancel_truncated}}, &ParseCapMessage,
                           all, 0, &state);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].name, "bad.xml");
  EXPECT_EQ(c.alerts.size(), 1u);
}

}  // namespace
}  // namespace machikado::ingest
