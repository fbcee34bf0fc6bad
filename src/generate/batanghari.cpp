#include <jadwal/generate/batanghari.hpp>
#include <jadwal/io/atomic_file.hpp>

#include "emit.hpp"
#include "population.hpp"

#include <fmt/format.h>

#include <optional>

namespace jadwal::generate {

generated_files detail::write_scenario(const std::filesystem::path& yaml_path, const detail::population& pop) {
    generated_files files;
    files.scenario = yaml_path;
    files.summary = detail::summarize(pop);
    const bool inline_employees = pop.opts.employees < pop.opts.csv_threshold;
    if (!inline_employees) files.employees = employees_csv_path(yaml_path);
    if (pop.opts.history_until) files.history = history_csv_path(yaml_path);
    const std::string employees_name = inline_employees ? std::string{} : files.employees.filename().string();
    const std::string history_name = files.history.empty() ? std::string{} : files.history.filename().string();
    const std::string yaml = detail::emit_yaml(pop, employees_name, history_name);
    // Every file written and flushed first: a failure leaves none of them touched.
    // The CSVs go in before the YAML that refers to them.
    std::optional<io::staged_file> staged_csv, staged_history;
    if (!inline_employees) staged_csv.emplace(files.employees, detail::emit_csv(pop));
    if (!files.history.empty()) staged_history.emplace(files.history, detail::emit_history_csv(pop));
    io::staged_file staged_yaml(yaml_path, yaml);
    if (staged_csv) staged_csv->commit();
    if (staged_history) staged_history->commit();
    staged_yaml.commit();
    return files;
}

std::filesystem::path employees_csv_path(const std::filesystem::path& yaml_path) {
    auto name = yaml_path.stem();
    name += ".employees.csv";
    return yaml_path.parent_path() / name;
}

generated_files write_batanghari(const std::filesystem::path& yaml_path, const batanghari_options& opts) {
    return detail::write_scenario(yaml_path, detail::build_population(opts));
}

std::filesystem::path history_csv_path(const std::filesystem::path& yaml_path) {
    auto name = yaml_path.stem();
    name += ".history.csv";
    return yaml_path.parent_path() / name;
}

std::string batanghari_yaml(const batanghari_options& opts) {
    return detail::emit_yaml(detail::build_population(opts), {});
}

std::string batanghari_employees_csv(const batanghari_options& opts) {
    return detail::emit_csv(detail::build_population(opts));
}

batanghari_summary summarize_batanghari(const batanghari_options& opts) {
    return detail::summarize(detail::build_population(opts));
}

}  // namespace jadwal::generate
