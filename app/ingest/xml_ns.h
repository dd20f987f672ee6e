// Namespace-aware reading of a pugixml tree (pugixml itself does not resolve prefixes). JMA XML
// reuses local names across namespaces — Control/Status (通常/訓練/試験) and Body/…/Kind/Status
// (発表/解除) — and CAP may come with or without a `cap:` prefix, so every lookup names the
// namespace URI. Free functions over borrowed nodes; thread-safe for concurrent readers of one
// document.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace machikado::ingest {

// The part of the element name after the prefix ("jmx:Report" → "Report").
std::string_view LocalName(const pugi::xml_node& n);
// The namespace URI of the element, resolved through xmlns / xmlns:prefix on it and its ancestors;
// "" when none is declared.
std::string NamespaceOf(const pugi::xml_node& n);
bool Is(const pugi::xml_node& n, std::string_view ns, std::string_view local);

// The first child element in `ns` named `local` (an empty node when none).
pugi::xml_node Child(const pugi::xml_node& parent, std::string_view ns, std::string_view local);
std::vector<pugi::xml_node> Children(const pugi::xml_node& parent, std::string_view ns,
                                     std::string_view local);
// The child's text with surrounding white space (ASCII and U+3000) trimmed; "" when absent.
std::string ChildText(const pugi::xml_node& parent, std::string_view ns, std::string_view local);
// The node's own text, trimmed likewise.
std::string TextOf(const pugi::xml_node& n);
std::string Trim(std::string_view s);

// OK when `root` is <local> in namespace `ns`; otherwise Invalid, saying "its root element is <x>,
// not a <kind> <local>" or "its <local> is in the namespace "…", not <owner>'s "<ns>"".
Status CheckRootElement(const pugi::xml_node& root, std::string_view local, std::string_view ns,
                        std::string_view kind, std::string_view owner);

}  // namespace machikado::ingest
