#include <jadwal/generate/batanghari.hpp>
#include <jadwal/io/atomic_file.hpp>

#include "emit.hpp"
#include "population.hpp"

#include <fmt/format.h>

namespace jadwal::generate {

generated_files detail::write_scenario(const std::filesystem::path& yaml_path, const detail::population& pop) {
    generated_files files;
    files.scenario = yaml_path;
    files.summary = detail::summarize(pop);
    if (pop.opts.employees < pop.opts.csv_threshold) {
        io::write_file_atomically(yaml_path, detail::emit_yaml(pop, {}));
        return files;
    }
    files.employees = employees_csv_path(yaml_path);
    const std::string yaml = detail::emit_yaml(pop, files.employees.filename().string());
    const std::string csv = detail::emit_csv(pop);
    // Both written and flushed first: a failure leaves neither file touched.
    // The CSV goes in before the YAML that refers to it.
    io::staged_file staged_csv(files.employees, csv);
    io::staged_file staged_yaml(yaml_path, yaml);
    staged_csv.commit();
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
