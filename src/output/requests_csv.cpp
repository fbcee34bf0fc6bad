#include <cstddef>
#include <jadwal/output/csv.hpp>
#include <jadwal/output/requests_csv.hpp>
#include <string_view>

namespace jadwal::output {

std::string csv_cell(std::string_view text) {
    const std::string v = neutralise_formulas(text);
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (const char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string requests_csv(std::span<const load::change_request> requests, const solve::requests_outcome& outcome) {
    std::string out = "nip,program,request,value,reason,answer,code,explanation,alternative\r\n";
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const auto& r = requests[i];
        const auto& a = outcome.answers[i];
        const std::string_view cells[] = {r.nip,   r.program_id,  load::to_string(r.kind),
                                          r.value, r.reason,      a.granted ? "granted" : "refused",
                                          a.code,  a.explanation, a.alternative};
        bool first = true;
        for (const auto cell : cells) {
            if (!first) out += ',';
            first = false;
            out += csv_cell(cell);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace jadwal::output
