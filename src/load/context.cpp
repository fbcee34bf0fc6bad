#include "context.hpp"

#include "values.hpp"

#include <date/tz.h>
#include <fmt/format.h>

namespace jadwal::load::detail {

const date::time_zone* load_context::zone(std::string_view name, loc at, const std::string& path) {
    if (const auto it = zone_cache_.find(name); it != zone_cache_.end()) {
        if (it->second == nullptr) rep.error(code::tz_unknown, say("unknown time zone {}", in_quotes(name)), at, path);
        return it->second;
    }
    const date::time_zone* z = nullptr;
    // IANA names are short ASCII paths; anything else is not worth a database look-up.
    if (!name.empty() && name.size() <= 64) {
        try {
            z = date::locate_zone(name);
        } catch (const std::exception&) {
            z = nullptr;
        }
    }
    zone_cache_.emplace(std::string{name}, z);
    if (z == nullptr) {
        std::string hint;
        try {
            if (zone_names_.empty())
                for (const auto& tz : date::get_tzdb().zones) zone_names_.emplace_back(tz.name());
            hint = closest_match(name, zone_names_);
        } catch (const std::exception&) {
            hint.clear();
        }
        rep.error(code::tz_unknown,
                  say("unknown time zone {}{}", in_quotes(name),
                      hint.empty() ? say(" (use an IANA name such as Asia/Jakarta)")
                                   : say(" (did you mean '{}'?)", hint)),
                  at, path);
    }
    return z;
}

}  // namespace jadwal::load::detail
