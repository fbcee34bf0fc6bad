// Typed indices and the vectors they index. The scenario refers between its
// entities by index, and the solver's dense form does the same between its
// own (demand items, people, days...): all small integers, which a typed index
// keeps apart, so a demand item cannot be passed where a day is meant.
// At run time an index is its integer and an index_vector its std::vector.
// Header-only (jadwal::model).
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <utility>
#include <vector>

namespace jadwal::model {

/// A typed index into one vector; `Tag` names what it indexes.
template <class Tag>
struct index {
    std::uint32_t value = std::numeric_limits<std::uint32_t>::max();
    [[nodiscard]] constexpr bool valid() const { return value != std::numeric_limits<std::uint32_t>::max(); }
    friend constexpr auto operator<=>(const index&, const index&) = default;
};

/// The indices [first, last) in order, for `for (auto i : v.indices())`.
template <class Index>
class index_range {
public:
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Index;
        using difference_type = std::ptrdiff_t;
        using pointer = const Index*;
        using reference = Index;
        constexpr iterator() = default;
        constexpr explicit iterator(std::uint32_t v) : v_(v) {}
        [[nodiscard]] constexpr Index operator*() const { return Index{v_}; }
        constexpr iterator& operator++() {
            ++v_;
            return *this;
        }
        constexpr iterator operator++(int) {
            iterator old = *this;
            ++v_;
            return old;
        }
        friend constexpr bool operator==(iterator, iterator) = default;

    private:
        std::uint32_t v_ = 0;
    };

    constexpr index_range(std::uint32_t first, std::uint32_t last)
        : first_(first), last_(last < first ? first : last) {}
    [[nodiscard]] constexpr iterator begin() const { return iterator{first_}; }
    [[nodiscard]] constexpr iterator end() const { return iterator{last_}; }
    [[nodiscard]] constexpr std::size_t size() const { return last_ - first_; }
    [[nodiscard]] constexpr bool empty() const { return first_ == last_; }

private:
    std::uint32_t first_;
    std::uint32_t last_;
};

/// A std::vector read by one typed index: index_vector<demand_id, demand_c>
/// takes a demand_id and nothing else. Iteration, size and growth are the
/// vector's; `indices()` lists the valid indices.
template <class Index, class T>
class index_vector {
public:
    using value_type = T;
    using iterator = typename std::vector<T>::iterator;
    using const_iterator = typename std::vector<T>::const_iterator;

    index_vector() = default;
    explicit index_vector(std::size_t n, const T& v = T{}) : items_(n, v) {}
    index_vector(std::initializer_list<T> init) : items_(init) {}

    [[nodiscard]] T& operator[](Index i) {
        assert(i.value < items_.size());
        return items_[i.value];
    }
    [[nodiscard]] const T& operator[](Index i) const {
        assert(i.value < items_.size());
        return items_[i.value];
    }

    [[nodiscard]] std::size_t size() const { return items_.size(); }
    [[nodiscard]] bool empty() const { return items_.empty(); }
    [[nodiscard]] std::size_t capacity() const { return items_.capacity(); }
    [[nodiscard]] index_range<Index> indices() const { return {0, static_cast<std::uint32_t>(items_.size())}; }
    /// The index the next push_back will get.
    [[nodiscard]] Index next_index() const { return Index{static_cast<std::uint32_t>(items_.size())}; }

    [[nodiscard]] iterator begin() { return items_.begin(); }
    [[nodiscard]] iterator end() { return items_.end(); }
    [[nodiscard]] const_iterator begin() const { return items_.begin(); }
    [[nodiscard]] const_iterator end() const { return items_.end(); }
    [[nodiscard]] T* data() { return items_.data(); }
    [[nodiscard]] const T* data() const { return items_.data(); }
    [[nodiscard]] T& back() { return items_.back(); }
    [[nodiscard]] const T& back() const { return items_.back(); }

    void reserve(std::size_t n) { items_.reserve(n); }
    void resize(std::size_t n) { items_.resize(n); }
    void assign(std::size_t n, const T& v) { items_.assign(n, v); }
    void clear() { items_.clear(); }
    void pop_back() { items_.pop_back(); }
    void push_back(const T& v) { items_.push_back(v); }
    void push_back(T&& v) { items_.push_back(std::move(v)); }
    template <class... Args>
    T& emplace_back(Args&&... args) {
        return items_.emplace_back(std::forward<Args>(args)...);
    }

    friend bool operator==(const index_vector&, const index_vector&) = default;

private:
    std::vector<T> items_;
};

}  // namespace jadwal::model

template <class Tag>
struct std::hash<jadwal::model::index<Tag>> {
    std::size_t operator()(jadwal::model::index<Tag> i) const noexcept { return std::hash<std::uint32_t>{}(i.value); }
};
