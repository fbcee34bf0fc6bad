// What one agency may use of the resources it shares with other agencies (a
// national webinar's seats, a provincial platform's lanes, a provincial
// trainer's or hall's days), and the edit that holds a loaded scenario to it.
// The national planner (python -m jadwal.nation, docs/scale.md) splits each
// shared resource into allowances and plans every agency within its own.
#pragma once

#include <jadwal/model/scenario.hpp>

#include <string>
#include <vector>

namespace jadwal::share {

/// Seats of one fixed session (identified by programme, module and local start).
struct session_seats {
    std::string program;
    std::string module;
    calendar::local_minute start{};
    int seats = 0;
};

/// Meetings at once on one platform; 0: the agency may not use it.
struct platform_lanes {
    std::string platform;
    int lanes = 0;
};

/// The local dates on which an instructor or a venue is this agency's to use.
struct resource_days {
    std::string id;
    std::vector<calendar::local_date> dates;  ///< any order; duplicates allowed
};

struct allowance {
    std::vector<session_seats> sessions;
    std::vector<platform_lanes> platforms;
    std::vector<resource_days> instructors;
    std::vector<resource_days> venues;
};

/// Holds `s` to `a`: a fixed session's capacity becomes min(its own, seats); a
/// platform's concurrency min(its own, lanes), and with 0 lanes the programmes'
/// live online offers on it are removed; an instructor is unavailable and a venue
/// closed on every date of the horizon that `a` does not give. Every id is checked
/// before anything changes: an unknown programme, module, session, platform,
/// instructor or venue throws jadwal::error (errc::not_found) naming all of them,
/// and `s` is left as it was.
void restrict_to(model::scenario& s, const allowance& a);

}  // namespace jadwal::share
