// Publishing a set of outputs: readers see the whole old set or the whole new
// one, whatever moment the process dies; nothing outside the output folder is
// touched, and nothing in it that jadwal did not write is deleted.
#include <jadwal/output/output_files.hpp>

#include "../support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using jadwal::output::output_files;
using jadwal::output::write_error;
using jadwal::output::tidy_output_folder;
using jadwal::output::write_outputs;
using jadwal::test::temp_dir;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The names a reader sees in `dir` (jadwal's own folder aside).
std::set<std::string> visible(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename() != ".jadwal") names.insert(e.path().filename().string());
    return names;
}

/// Every regular file under `dir`, links not followed, with its content.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it)
        if (it->symlink_status().type() == fs::file_type::regular)
            files[fs::relative(it->path(), dir).string()] = read(it->path());
    return files;
}

std::size_t sets_on_disk(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / ".jadwal" / "sets")) ++n;
    return n;
}

/// A set of `n` calendars and two files, every file tagged with `generation`.
output_files tagged_set(int generation, int n) {
    const std::string tag = "generation " + std::to_string(generation) + "\n";
    output_files files{{"solution.json", tag}, {"schedule.csv", tag}};
    for (int i = 0; i < n; ++i)
        files.push_back({"calendars/employees/e" + std::to_string(i) + ".ics", tag + std::string(200, 'x')});
    return files;
}

}  // namespace

TEST_CASE("a new set of outputs replaces the old one, calendars directory included", "[output][publish]") {
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    write_outputs(dir, {{"schedule.csv", "old\r\n"}, {"calendars/employees/a.ics", "A"}, {"calendars/employees/gone.ics", "G"}});
    write_outputs(dir, {{"schedule.csv", "new\r\n"}, {"calendars/employees/a.ics", "A2"}});
    CHECK(read(dir / "schedule.csv") == "new\r\n");
    CHECK(read(dir / "calendars/employees/a.ics") == "A2");
    // A calendar of the earlier run that the new plan does not have is gone with its directory.
    CHECK_FALSE(fs::exists(dir / "calendars/employees/gone.ics"));
    CHECK(visible(dir) == std::set<std::string>{"calendars", "schedule.csv"});
    // The set replaced stays (a reader may be in the middle of it) until the
    // next publish or a tidy: the current set and the one before it.
    CHECK(sets_on_disk(dir) == 2);
    write_outputs(dir, {{"schedule.csv", "newer\r\n"}});
    CHECK(sets_on_disk(dir) == 2);
    tidy_output_folder(dir);
    CHECK(sets_on_disk(dir) == 1);
    CHECK(read(dir / "schedule.csv") == "newer\r\n");
    CHECK(read(dir / "calendars/employees/a.ics") == "A2");
}

TEST_CASE("tidying a folder keeps the current set and creates nothing", "[output][publish]") {
    const temp_dir t;
    // A folder jadwal never published to, or one that does not exist, is left as it is.
    fs::create_directories(t.path() / "plain" / "sets");
    tidy_output_folder(t.path() / "plain");
    tidy_output_folder(t.path() / "missing");
    CHECK(fs::exists(t.path() / "plain" / "sets"));
    CHECK_FALSE(fs::exists(t.path() / "missing"));
    CHECK_FALSE(fs::exists(t.path() / "plain" / ".jadwal"));
    // A .jadwal that is a link to elsewhere is not tidied through.
    fs::create_directories(t.path() / "elsewhere" / "sets" / "x");
    { std::ofstream(t.path() / "elsewhere" / "sets" / "x" / "keep") << "k"; }
    fs::create_directories(t.path() / "linked");
    fs::create_directory_symlink("../elsewhere", t.path() / "linked" / ".jadwal");
    tidy_output_folder(t.path() / "linked");
    CHECK(read(t.path() / "elsewhere" / "sets" / "x" / "keep") == "k");
    // After two publishes and a tidy the readers see the last set, whole.
    const fs::path dir = t.path() / "out";
    write_outputs(dir, tagged_set(1, 3));
    write_outputs(dir, tagged_set(2, 2));
    tidy_output_folder(dir);
    CHECK(sets_on_disk(dir) == 1);
    CHECK(read(dir / "solution.json") == "generation 2\n");
    CHECK_FALSE(fs::exists(dir / "calendars/employees/e2.ics"));
}

TEST_CASE("entries the new set does not name are kept as they were", "[output][publish]") {
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    write_outputs(dir, {{"report.html", "r"}, {"calendars/a.ics", "A"}});
    write_outputs(dir, {{"schedule.csv", "s"}});
    CHECK(read(dir / "report.html") == "r");
    CHECK(read(dir / "calendars/a.ics") == "A");
    CHECK(read(dir / "schedule.csv") == "s");
    CHECK(sets_on_disk(dir) == 2);
}

TEST_CASE("the outputs are links into jadwal's own folder that readers follow", "[output][publish]") {
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    write_outputs(dir, {{"solution.json", "{}"}, {"calendars/a.ics", "A"}});
    CHECK(fs::is_symlink(dir / "solution.json"));
    CHECK(fs::read_symlink(dir / "solution.json") == ".jadwal/current/solution.json");
    CHECK(fs::is_directory(dir / "calendars"));
    CHECK(fs::is_symlink(dir / ".jadwal" / "current"));
}

TEST_CASE("a link to a folder elsewhere in place of calendars is refused and its files are kept",
          "[output][publish]") {
    // Defect: the old publisher moved the link aside and removed the tree it
    // pointed to, emptying the web folder.
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    const fs::path web = t.path() / "web";
    fs::create_directories(web / "sub");
    { std::ofstream(web / "index.html") << "site"; }
    { std::ofstream(web / "sub" / "page.html") << "page"; }
    write_outputs(dir, {{"solution.json", "1"}, {"calendars/a.ics", "A"}});
    fs::remove(dir / "calendars");
    fs::create_directory_symlink("../web", dir / "calendars");

    CHECK_THROWS_WITH(write_outputs(dir, {{"solution.json", "2"}, {"calendars/b.ics", "B"}}),
                      Catch::Contains("is a link to ../web") && Catch::Contains("nothing replaced"));
    CHECK(read(web / "index.html") == "site");
    CHECK(read(web / "sub" / "page.html") == "page");
    CHECK(read(dir / "solution.json") == "1");
    CHECK(fs::read_symlink(dir / "calendars") == "../web");
}

TEST_CASE("a link in place of a published file is refused and what it points to is untouched", "[output][publish]") {
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    fs::create_directories(dir);
    { std::ofstream(t.path() / "precious.txt") << "mine"; }
    fs::create_symlink("../precious.txt", dir / "schedule.csv");
    CHECK_THROWS_AS(write_outputs(dir, {{"schedule.csv", "x"}}), write_error);
    CHECK(read(t.path() / "precious.txt") == "mine");
}

TEST_CASE("jadwal's own folder as a link elsewhere is refused", "[output][publish]") {
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    fs::create_directories(dir);
    fs::create_directories(t.path() / "elsewhere" / "sets" / "x");
    { std::ofstream(t.path() / "elsewhere" / "sets" / "x" / "keep") << "k"; }
    fs::create_directory_symlink("../elsewhere", dir / ".jadwal");
    CHECK_THROWS_WITH(write_outputs(dir, {{"schedule.csv", "x"}}), Catch::Contains("is a link"));
    CHECK(read(t.path() / "elsewhere" / "sets" / "x" / "keep") == "k");
}

TEST_CASE("a file or folder jadwal did not publish is in the way, not replaced", "[output][publish]") {
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    write_outputs(dir, {{"schedule.csv", "good\r\n"}});
    { std::ofstream(dir / "calendars") << "in the way"; }
    fs::create_directories(dir / "report.html");
    CHECK_THROWS_WITH(write_outputs(dir, {{"schedule.csv", "new\r\n"}, {"calendars/a.ics", "A"}}),
                      Catch::Contains("nothing replaced") && Catch::Contains("in the way"));
    CHECK_THROWS_WITH(write_outputs(dir, {{"report.html", "r"}}), Catch::Contains("in the way"));
    CHECK(read(dir / "schedule.csv") == "good\r\n");
    CHECK(read(dir / "calendars") == "in the way");
    CHECK(sets_on_disk(dir) == 1);
}

TEST_CASE("paths that leave the output directory are refused before anything is written", "[output][publish]") {
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    for (const char* bad : {"../x.csv", "/tmp/x.csv", "a/../../x.csv", ".jadwal/current"}) {
        INFO(bad);
        CHECK_THROWS_WITH(write_outputs(dir, {{"ok.csv", "1"}, {bad, "2"}}), Catch::Contains("nothing replaced"));
        CHECK_FALSE(fs::exists(dir / "ok.csv"));
    }
}

TEST_CASE("what killed runs left behind is removed by the next run, even under the same process id",
          "[output][publish]") {
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    write_outputs(dir, {{"schedule.csv", "1"}});
    // A set half-written by a run that was killed, and the staging folders of
    // jadwal versions that named them by process id.
    fs::create_directories(dir / ".jadwal" / "sets" / "0000-dead" / "calendars");
    { std::ofstream(dir / ".jadwal" / "sets" / "0000-dead" / "calendars" / "a.ics") << "half"; }
    fs::create_directories(dir / ".jadwal-staging-1" / "calendars");
    { std::ofstream(dir / ".jadwal-staging-1" / "schedule.csv") << "old staging"; }
    fs::create_directories(dir / ".calendars.old-1");
    // A link inside a leftover is removed as a name; its target stays.
    { std::ofstream(t.path() / "outside.txt") << "outside"; }
    fs::create_symlink("../../../../outside.txt", dir / ".jadwal" / "sets" / "0000-dead" / "link");

    write_outputs(dir, {{"schedule.csv", "2"}});
    CHECK(read(dir / "schedule.csv") == "2");
    CHECK(sets_on_disk(dir) == 2);  // the new set and the one it replaced
    CHECK_FALSE(fs::exists(dir / ".jadwal" / "sets" / "0000-dead"));
    CHECK_FALSE(fs::exists(dir / ".jadwal-staging-1"));
    CHECK_FALSE(fs::exists(dir / ".calendars.old-1"));
    CHECK(read(t.path() / "outside.txt") == "outside");
    // A user's own hidden file that merely looks similar is not jadwal's.
    { std::ofstream(dir / ".notes.old-draft") << "mine"; }
    write_outputs(dir, {{"schedule.csv", "3"}});
    CHECK(read(dir / ".notes.old-draft") == "mine");
}

TEST_CASE("many files are written in parallel and all arrive intact", "[output][publish]") {
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    output_files files;
    for (int i = 0; i < 2000; ++i)
        files.push_back({"calendars/employees/e" + std::to_string(i) + ".ics", std::string(100 + i % 37, 'x') + std::to_string(i)});
    write_outputs(dir, files);
    std::size_t n = 0;
    for (const auto& f : files) n += read(dir / f.relative) == f.content ? 1 : 0;
    CHECK(n == files.size());
}

TEST_CASE("publishing still works when no extra thread may start", "[output][publish]") {
    // Defect: a thread that could not start aborted the process (exit 134).
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // RLIMIT_NPROC binds only an unprivileged user: as root (CI), become nobody first.
        if (::geteuid() == 0) {
            fs::create_directories(dir);
            if (::chown(dir.c_str(), 65534, 65534) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
        }
        const rlimit one{1, 1};  // this user may run no further process or thread
        if (::setrlimit(RLIMIT_NPROC, &one) != 0) ::_exit(4);
        try {
            write_outputs(dir, tagged_set(1, 1500));
        } catch (...) {
            ::_exit(2);
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(read(dir / "calendars/employees/e1499.ics").rfind("generation 1\n", 0) == 0);
}

TEST_CASE("killed at any moment, a publisher leaves the whole old set or the whole new one", "[output][publish]") {
    // A child publishes generation after generation; it is killed with SIGKILL
    // at random moments, many of them inside the renaming window. After each
    // kill every file a reader can see must carry one and the same generation,
    // and a folder beside the output must be untouched.
    const temp_dir t;
    const fs::path dir = t.path() / "out";
    const fs::path beside = t.path() / "beside";
    fs::create_directories(beside);
    { std::ofstream(beside / "keep.txt") << "keep"; }
    write_outputs(dir, tagged_set(0, 300));

    std::mt19937 rng(20261204);
    int mixed = 0;
    int kills = 0;
    std::set<std::string> generations_seen;
    for (int round = 0; round < 60; ++round) {
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            for (int g = 1;; ++g) write_outputs(dir, tagged_set(round * 1000 + g, 300 + g % 7));
        }
        // Wait until the child has published a set of this round (however
        // loaded the machine is), then kill it at a random moment of the next.
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < give_up) {
            const std::string now = read(dir / "solution.json");
            const auto g = now.rfind("generation ", 0) == 0 ? std::stoi(now.substr(11)) : -1;
            if (g >= round * 1000 + 1) break;
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 40000)(rng)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ++kills;

        std::set<std::string> tags;
        for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::follow_directory_symlink);
             it != fs::recursive_directory_iterator(); ++it) {
            if (it->path().filename() == ".jadwal") {
                it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file()) {
                const std::string text = read(it->path());
                tags.insert(text.substr(0, text.find('\n')));
            }
        }
        generations_seen.insert(tags.begin(), tags.end());
        if (tags.size() != 1) ++mixed;
        // The calendars a reader sees are exactly the set of one generation.
        const auto n_expected = [&] {
            const int g = std::stoi(tags.begin()->substr(std::string("generation ").size()));
            return g == 0 ? 300 : 300 + (g % 1000) % 7;
        }();
        std::size_t n = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "calendars" / "employees")) ++n;
        CHECK(n == static_cast<std::size_t>(n_expected));
    }
    CHECK(kills == 60);
    CHECK(mixed == 0);
    CHECK(generations_seen.size() > 10);  // the kills did land at different moments
    CHECK(snapshot(beside) == std::map<std::string, std::string>{{"keep.txt", "keep"}});
    // The next publish cleans up whatever the kills left: the new set and the
    // one it replaced remain.
    write_outputs(dir, tagged_set(99, 5));
    CHECK(sets_on_disk(dir) == 2);
}
