#include "yaml_reader.hpp"

#include "codes.hpp"
#include "values.hpp"

#include <fmt/format.h>

namespace jadwal::load::detail {

std::string ypath::str() const {
    // Collect the chain from the root, then print it forwards.
    std::vector<const ypath*> chain;
    for (const ypath* p = this; p != nullptr && p->parent_ != nullptr; p = p->parent_) chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const ypath* p = *it;
        if (p->index_ != npos) {
            out += fmt::format("[{}]", p->index_);
        } else {
            if (!out.empty()) out += '.';
            // Keys are user text: keep the path on one line and short.
            for (const char c : p->key_.substr(0, 64)) out += (static_cast<unsigned char>(c) < 0x20) ? '?' : c;
        }
    }
    return out;
}

phrase describe(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map:
            return say("a map");
        case YAML::NodeType::Sequence:
            return say("a list");
        case YAML::NodeType::Scalar:
            return say("text");
        case YAML::NodeType::Null:
            return say("nothing");
        case YAML::NodeType::Undefined:
            return say("nothing");
    }
    return say("nothing");
}

loc yreader::where(const YAML::Node& n) const {
    if (!n.IsDefined()) return {file_, 0, 0};
    const YAML::Mark m = n.Mark();
    if (m.is_null()) return {file_, 0, 0};
    return {file_, m.line + 1, m.column + 1};
}

loc yreader::where(const yval& v) const {
    // yaml-cpp puts an empty value at the start of the next token; the key is
    // where a person looks.
    if (v.key != nullptr && (!v.node.IsDefined() || v.node.IsNull())) return where(*v.key);
    return where(v.node);
}

bool yreader::spend(const yval& v) {
    if (exhausted_) return false;
    if (budget_ > 0) {
        --budget_;
        return true;
    }
    exhausted_ = true;
    // Aliased values share their anchor's node, so the position is the
    // anchored text; the path says which aliases the walk went through.
    error(code::limit,
          say("the document expands to too many values (aliases repeated many times?); loading stopped at this value"),
          v);
    return false;
}

void yreader::error(std::string_view c, phrase message, const yval& v) {
    rep_.error(c, std::move(message), where(v), v.path ? v.path->str() : std::string{});
}

void yreader::warning(std::string_view c, phrase message, const yval& v) {
    rep_.warning(c, std::move(message), where(v), v.path ? v.path->str() : std::string{});
}

void yreader::error_at(std::string_view c, phrase message, const YAML::Node& n, const ypath& p) {
    rep_.error(c, std::move(message), where(n), p.str());
}

void yreader::warning_at(std::string_view c, phrase message, const YAML::Node& n, const ypath& p) {
    rep_.warning(c, std::move(message), where(n), p.str());
}

namespace {

std::optional<ymap> read_map(yreader& r, const yval& v, const phrase& what, std::span<const std::string_view> allowed,
                             bool check_keys) {
    if (!r.spend(v)) return std::nullopt;
    if (!v.node.IsMap()) {
        r.error(code::type, say("expected a map for {}, got {}", subject(what), describe(v.node)), v);
        return std::nullopt;
    }
    ymap m;
    m.node = v.node;
    m.entries.reserve(v.node.size());
    for (auto it = v.node.begin(); it != v.node.end(); ++it) {
        if (!r.spend(yval{it->second, *v.path})) return std::nullopt;
        const YAML::Node k = it->first;
        if (!k.IsScalar()) {
            r.error_at(code::type, say("a key in {} must be text, got {}", subject(what), describe(k)), k, *v.path);
            continue;
        }
        const std::string& key = k.Scalar();
        if (m.find(key) != nullptr) {
            r.error_at(code::key_duplicate, say("the key {} appears twice in {}", in_quotes(key), subject(what)), k,
                       *v.path);
            continue;
        }
        if (check_keys) {
            bool known = false;
            for (const auto a : allowed) known = known || a == key;
            if (!known) {
                const std::vector<std::string> candidates(allowed.begin(), allowed.end());
                const std::string hint = closest_match(key, candidates);
                r.error_at(code::key_unknown,
                           hint.empty()
                               ? say("unknown key {} in {}", in_quotes(key), subject(what))
                               : say("unknown key {} in {} (did you mean '{}'?)", in_quotes(key), subject(what), hint),
                           k, *v.path);
                continue;
            }
        }
        m.entries.push_back(yentry{key, k, it->second});
    }
    return m;
}

}  // namespace

std::optional<ymap> yreader::map(const yval& v, const phrase& what, std::span<const std::string_view> allowed) {
    return read_map(*this, v, what, allowed, true);
}

std::optional<ymap> yreader::free_map(const yval& v, const phrase& what) {
    return read_map(*this, v, what, {}, false);
}

std::optional<std::vector<YAML::Node>> yreader::list(const yval& v, const phrase& what, std::size_t max_items) {
    if (!spend(v)) return std::nullopt;
    if (!v.node.IsSequence()) {
        error(code::type, say("expected a list for {}, got {}", subject(what), describe(v.node)), v);
        return std::nullopt;
    }
    if (v.node.size() > max_items) {
        error(
            code::limit,
            say("{} has {} entries; at most {} are allowed", subject(what), grouped(v.node.size()), grouped(max_items)),
            v);
        return std::nullopt;
    }
    std::vector<YAML::Node> out;
    out.reserve(v.node.size());
    for (auto it = v.node.begin(); it != v.node.end(); ++it) {
        const ypath item = v.path->at(out.size());
        if (!spend(yval{*it, item})) return std::nullopt;
        out.push_back(*it);
    }
    return out;
}

std::optional<std::vector<YAML::Node>> yreader::scalar_or_list(const yval& v, const phrase& what,
                                                               std::size_t max_items) {
    if (v.node.IsScalar()) {
        if (!spend(v)) return std::nullopt;
        return std::vector<YAML::Node>{v.node};
    }
    return list(v, what, max_items);
}

const yentry* yreader::need(const ymap& m, const ypath& p, std::string_view key, const phrase& what) {
    const yentry* e = m.find(key);
    if (e == nullptr) error_at(code::key_missing, say("{} needs the key '{}'", subject(what), key), m.node, p);
    return e;
}

bool yreader::is_null(const yval& v) const { return !v.node.IsDefined() || v.node.IsNull(); }

bool yreader::scalar_check(const yval& v, const phrase& what) {
    if (!spend(v)) return false;
    if (v.node.IsScalar()) return true;
    if (is_null(v))
        error(code::type, say("{} has no value", subject(what)), v);
    else
        error(code::type, say("expected a single value for {}, got {}", subject(what), describe(v.node)), v);
    return false;
}

std::optional<std::string> yreader::text(const yval& v, const phrase& what) {
    if (!scalar_check(v, what)) return std::nullopt;
    return v.node.Scalar();
}

std::optional<std::string> yreader::id(const yval& v, const phrase& what) {
    auto t = text(v, what);
    if (!t) return std::nullopt;
    if (const auto problem = id_problem(*t); !problem.empty()) {
        error(code::id_invalid, say("{}: {}", subject(what), problem), v);
        return std::nullopt;
    }
    return t;
}

std::optional<std::int64_t> yreader::integer(const yval& v, const phrase& what, std::int64_t min, std::int64_t max) {
    if (!scalar_check(v, what)) return std::nullopt;
    const std::string& s = v.node.Scalar();
    const auto r = parse_integer(s);
    if (r.status == num_status::syntax) {
        error(code::type, say("expected a whole number for {}, got {}", subject(what), in_quotes(s)), v);
        return std::nullopt;
    }
    if (r.status == num_status::range || r.value < min || r.value > max) {
        error(
            code::number,
            say("{} must be between {} and {}, got {}", subject(what), grouped(min), grouped(max), in_quotes(trim(s))),
            v);
        return std::nullopt;
    }
    return r.value;
}

std::optional<double> yreader::real(const yval& v, const phrase& what, double min, double max) {
    if (!scalar_check(v, what)) return std::nullopt;
    const std::string& s = v.node.Scalar();
    const auto r = parse_real(s);
    if (r.status == num_status::syntax) {
        error(code::type, say("expected a number for {}, got {}", subject(what), in_quotes(s)), v);
        return std::nullopt;
    }
    if (r.status == num_status::range || r.value < min || r.value > max) {
        error(code::number, say("{} must be between {} and {}, got {}", subject(what), min, max, in_quotes(trim(s))),
              v);
        return std::nullopt;
    }
    return r.value;
}

std::optional<bool> yreader::boolean(const yval& v, const phrase& what) {
    if (!scalar_check(v, what)) return std::nullopt;
    const auto b = parse_bool(v.node.Scalar(), false);
    if (!b)
        error(code::type, say("expected true or false for {}, got {}", subject(what), in_quotes(v.node.Scalar())), v);
    return b;
}

std::optional<calendar::local_date> yreader::date(const yval& v, const phrase& what) {
    if (!scalar_check(v, what)) return std::nullopt;
    const auto d = calendar::parse_date(v.node.Scalar());
    if (!d) error(code::date, say("{}: {}", subject(what), date_problem(v.node.Scalar())), v);
    return d;
}

std::optional<calendar::clock_range> yreader::clock_range(const yval& v, const phrase& what) {
    if (!scalar_check(v, what)) return std::nullopt;
    const auto r = calendar::parse_clock_range(v.node.Scalar());
    if (!r) error(code::time, say("{}: {}", subject(what), clock_range_problem(v.node.Scalar())), v);
    return r;
}

std::optional<std::size_t> yreader::choice(const yval& v, const phrase& what,
                                           std::span<const std::string_view> options) {
    if (!scalar_check(v, what)) return std::nullopt;
    const std::string& s = v.node.Scalar();
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i] == s) return i;
    std::string all;
    for (const auto o : options) all += fmt::format("{}{}", all.empty() ? "" : ", ", o);
    const std::string hint = closest_match(s, std::vector<std::string>(options.begin(), options.end()));
    error(code::enum_value,
          hint.empty()
              ? say("{} is not a valid {} (one of: {})", in_quotes(s), subject(what), all)
              : say("{} is not a valid {} (did you mean '{}'? one of: {})", in_quotes(s), subject(what), hint, all),
          v);
    return std::nullopt;
}

}  // namespace jadwal::load::detail
