// Rows of the exact model's MIP that come one after another and nest in each
// other (exact.cpp): only the rows no neighbour implies reach the model.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace jadwal::solve::detail {

/// A row's left-hand side: (column, coefficient), sorted by column.
using row_terms = std::vector<std::pair<int, double>>;

/// Whether `a <= la` follows from `b <= lb` for non-negative columns: every
/// column weighs in `b` at least what it weighs in `a` (0 where absent), and
/// `lb <= la`. Both sorted by column.
[[nodiscard]] inline bool implies(double lb, const row_terms& b, double la, const row_terms& a) {
    if (lb > la) return false;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
            if (a[i++].second > 0) return false;
        } else if (i == a.size() || b[j].first < a[i].first) {
            if (b[j++].second < 0) return false;
        } else if (a[i++].second > b[j++].second) {
            return false;
        }
    }
    return true;
}

/// Rows `terms <= limit` over non-negative columns, met one after another (a
/// person's starts, a unit's slots of a day, a resource's starts): a row is
/// implied by a neighbour that weighs every column at least as much under a
/// limit no looser, so only the row that holds a run of such neighbours is
/// passed on, to `emit(limit, terms)`. Sessions at every grid start nest in
/// each other, and their rows with them.
template <class Emit>
class packing_rows {
public:
    explicit packing_rows(Emit emit) : emit_(std::move(emit)) {}
    packing_rows(const packing_rows&) = delete;
    packing_rows& operator=(const packing_rows&) = delete;
    ~packing_rows() { flush(); }

    void add(double limit, row_terms terms) {
        std::sort(terms.begin(), terms.end());
        if (holding_ && implies(held_limit_, held_, limit, terms)) return;
        if (!holding_ || !implies(limit, terms, held_limit_, held_)) flush();
        holding_ = true;
        held_limit_ = limit;
        held_ = std::move(terms);
    }

    /// Passes on the row held back (also on destruction).
    void flush() {
        if (!holding_) return;
        holding_ = false;
        emit_(held_limit_, std::move(held_));
        held_.clear();
    }

private:
    Emit emit_;
    bool holding_ = false;
    row_terms held_;
    double held_limit_ = 0;
};

}  // namespace jadwal::solve::detail
