// ParseJmaMessage: one JMA disaster-information XML message (気象庁防災情報XML, already parsed by
// ParseXmlSafely) → its MessageEffect: which warnings are now in force in which areas, and what
// ends. Reads by namespace (Control/Status 通常/訓練/試験 and Body/…/Kind/Status 発表/解除 share a
// local name). Kinds read: 気象特別警報・警報・注意報 (VPWW53/54 and the revised formats, one
// municipal area level — 市町村等 — out of the four a message repeats), 土砂災害警戒情報 (VXWW50),
// 指定河川洪水予報 (VXKOii), 津波警報・注意報・予報 (VTSE41), 震度速報 / 震源・震度に関する情報
// (VXSE51/53). Any other well-formed JMA message is read and changes nothing (its note says why).
// Pure; thread-safe.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "core/status.h"
#include "ingest/official_alert.h"

namespace machikado::ingest {

// Hours a strong-shaking alert stays up after the report (JMA sends no end for shaking).
constexpr int kQuakeAlertHours = 6;

// Errors: wrong root element or namespace, a missing or unknown Control/Status or Head/InfoType, no
// readable ReportDateTime.
Result<MessageEffect> ParseJmaMessage(const pugi::xml_document& doc);

}  // namespace machikado::ingest
