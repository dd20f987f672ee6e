#include "ingest/xml_ns.h"

namespace machikado::ingest {

std::string_view LocalName(const pugi::xml_node& n) {
  const std::string_view name = n.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string NamespaceOf(const pugi::xml_node& n) {
  const std::string_view name = n.name();
  const size_t colon = name.find(':');
  const std::string attr =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  for (pugi::xml_node p = n; p && p.type() == pugi::node_element; p = p.parent())
    if (const pugi::xml_attribute a = p.attribute(attr.c_str())) return a.value();
  return "";
}

bool Is(const pugi::xml_node& n, std::string_view ns, std::string_view local) {
  return n.type() == pugi::node_element && LocalName(n) == local && NamespaceOf(n) == ns;
}

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view ns, std::string_view local) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (Is(c, ns, local)) return c;
  return {};
}

std::vector<pugi::xml_node> Children(const pugi::xml_node& parent, std::string_view ns,
                                     std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (Is(c, ns, local)) out.push_back(c);
  return out;
}

std::string Trim(std::string_view s) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    while (!s.empty() &&
           (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
      s.remove_prefix(1);
      changed = true;
    }
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
      s.remove_suffix(1);
      changed = true;
    }
    if (s.substr(0, 3) == kIdeographicSpace) {
      s.remove_prefix(3);
      changed = true;
    }
    if (s.size() >= 3 && s.substr(s.size() - 3) == kIdeographicSpace) {
      s.remove_suffix(3);
      changed = true;
    }
  }
  return std::string(s);
}

std::string TextOf(const pugi::xml_node& n) {
  return n ? Trim(n.text().get()) : std::string();
}

std::string ChildText(const pugi::xml_node& parent, std::string_view ns, std::string_view local) {
  return TextOf(Child(parent, ns, local));
}

Status CheckRootElement(const pugi::xml_node& root, std::string_view local, std::string_view ns,
                        std::string_view kind, std::string_view owner) {
  if (LocalName(root) != local)
    return Status::Invalid("its root element is <" + std::string(root.name()) + ">, not a " +
                           std::string(kind) + " <" + std::string(local) + ">");
  if (const std::string actual = NamespaceOf(root); actual != ns)
    return Status::Invalid("its <" + std::string(local) + "> is in the namespace \"" + actual +
                           "\", not " + std::string(owner) + "'s \"" + std::string(ns) + "\"");
  return Status::Ok();
}

}  // namespace machikado::ingest
