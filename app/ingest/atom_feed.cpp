#include "ingest/atom_feed.h"

#include "feed/datetime.h"
#include "ingest/xml_guard.h"
#include "ingest/xml_ns.h"

namespace machikado::ingest {
namespace {

constexpr std::string_view kAtom = "http://www.w3.org/2005/Atom";

bool Has(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

}  // namespace

bool IsWarningTitle(std::string_view t) {
  if (Has(t, "噴火") || Has(t, "火山") || Has(t, "降灰") || Has(t, "緊急地震速報")) return false;
  return Has(t, "警報") || Has(t, "注意報") || Has(t, "土砂災害警戒情報") || Has(t, "洪水予報") ||
         Has(t, "震度速報") || Has(t, "震源・震度");
}

Result<std::vector<AtomEntry>> ParseAtomFeed(std::string_view bytes) {
  Result<XmlDocument> doc = ParseXmlSafely(bytes);
  if (!doc.ok()) return doc.status();
  const pugi::xml_node feed = doc->doc->document_element();
  if (!Is(feed, kAtom, "feed")) return Status::Invalid("it is not an Atom <feed>");
  std::vector<AtomEntry> out;
  for (const auto& entry : Children(feed, kAtom, "entry")) {
    AtomEntry e;
    e.id = ChildText(entry, kAtom, "id");
    e.title = ChildText(entry, kAtom, "title");
    if (auto t = feed::ParseRfc3339(ChildText(entry, kAtom, "updated")); t.ok())
      e.updated = t->unix;
    for (const auto& link : Children(entry, kAtom, "link")) {
      const std::string href = link.attribute("href").value();
      const std::string rel = link.attribute("rel").value();
      if ((rel.empty() || rel == "alternate") &&
          (href.rfind("https://", 0) == 0 || href.rfind("http://", 0) == 0)) {
        e.link = href;
        break;
      }
    }
    if (!e.id.empty() && !e.link.empty()) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace machikado::ingest
