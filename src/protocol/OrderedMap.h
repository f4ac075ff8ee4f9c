#pragma once

#include <QList>
#include <QPair>

#include <algorithm>
#include <optional>

namespace mq {

// A map that keeps members in the order they were read or inserted. Java writes its hash maps
// in bucket order, and we must write them back the same way, so neither QMap nor QHash fits.
template <typename K, typename V> class OrderedMap {
public:
    using Entry = QPair<K, V>;

    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    bool contains(const K &key) const { return find(key) != nullptr; }
    const V *find(const K &key) const
    {
        for (const auto &e : m_entries)
            if (e.first == key)
                return &e.second;
        return nullptr;
    }
    V *find(const K &key)
    {
        for (auto &e : m_entries)
            if (e.first == key)
                return &e.second;
        return nullptr;
    }
    V value(const K &key, const V &fallback = V()) const
    {
        const V *v = find(key);
        return v ? *v : fallback;
    }
    void insert(const K &key, V value) // replaces in place or appends
    {
        if (V *v = find(key))
            *v = std::move(value);
        else
            m_entries.append({key, std::move(value)});
    }
    void remove(const K &key)
    {
        m_entries.removeIf([&](const Entry &e) { return e.first == key; });
    }
    QList<K> keys() const
    {
        QList<K> out;
        for (const auto &e : m_entries)
            out.append(e.first);
        return out;
    }
    const QList<Entry> &entries() const { return m_entries; }
    QList<Entry> &entries() { return m_entries; }
    auto begin() const { return m_entries.begin(); }
    auto end() const { return m_entries.end(); }
    bool operator==(const OrderedMap &o) const { return m_entries == o.m_entries; }

private:
    QList<Entry> m_entries;
};

} // namespace mq
