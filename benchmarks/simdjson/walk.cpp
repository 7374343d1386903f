// How fast Debian's simdjson (libsimdjson-dev) reads a benchmark graph, for issue #9's question
// whether EventGraph's Swift JSON reader should give way to it. Reads the file, then
//   dom:       parses the whole document into simdjson's DOM (one thread), and walks it;
//   ondemand:  walks every record of every section with the on-demand API, touching every key,
//              string, number and list item (the tokenizing EventGraph's reader does before
//              decoding a record),
// and prints the seconds each took and what it counted (the same counts both ways).
// Build: g++ -O3 -march=native -std=c++17 walk.cpp -lsimdjson -o walk (on-demand is compiled for
// the build machine's instructions; without -march it is the portable fallback); run:
// ./walk ../data/large.json
#include <simdjson.h>
#include <chrono>
#include <cstdio>
using namespace simdjson;

struct Counts { size_t keys = 0, strings = 0, stringBytes = 0, numbers = 0, other = 0; };

static void walk(dom::element e, Counts &c) {
    switch (e.type()) {
    case dom::element_type::OBJECT:
        for (auto field : dom::object(e)) { c.keys++; walk(field.value, c); }
        break;
    case dom::element_type::ARRAY:
        for (auto item : dom::array(e)) walk(item, c);
        break;
    case dom::element_type::STRING:
        c.strings++; c.stringBytes += std::string_view(e).size();
        break;
    case dom::element_type::INT64: case dom::element_type::UINT64: case dom::element_type::DOUBLE:
        c.numbers++;
        break;
    default:
        c.other++;
    }
}

static void walk(ondemand::value v, Counts &c) {
    switch (v.type()) {
    case ondemand::json_type::object:
        for (auto field : v.get_object()) { c.keys++; field.unescaped_key().value(); walk(field.value().value(), c); }
        break;
    case ondemand::json_type::array:
        for (auto item : v.get_array()) walk(item.value(), c);
        break;
    case ondemand::json_type::string:
        c.strings++; c.stringBytes += std::string_view(v.get_string().value()).size();
        break;
    case ondemand::json_type::number:
        c.numbers++; v.get_double().value();
        break;
    default:
        c.other++; if (!v.is_null().value()) v.get_bool().value();
    }
}

static void print(const char *what, double seconds, const Counts &c) {
    std::printf("%-9s %.3f s  keys %zu, strings %zu (%zu bytes), numbers %zu, other %zu\n",
                what, seconds, c.keys, c.strings, c.stringBytes, c.numbers, c.other);
}

int main(int argc, char **argv) {
    if (argc < 2) { std::fprintf(stderr, "usage: walk FILE.json\n"); return 2; }
    auto t0 = std::chrono::steady_clock::now();
    padded_string json = padded_string::load(argv[1]);
    auto t1 = std::chrono::steady_clock::now();
    std::printf("read      %.3f s  %zu bytes (dom: %s, ondemand: %s)\n", std::chrono::duration<double>(t1 - t0).count(),
                json.size(), get_active_implementation()->name().c_str(), builtin_implementation()->name().c_str());
    {
        dom::parser parser;
        Counts c;
        auto a = std::chrono::steady_clock::now();
        dom::element doc = parser.parse(json);
        walk(doc, c);
        auto b = std::chrono::steady_clock::now();
        print("dom", std::chrono::duration<double>(b - a).count(), c);
    }
    {
        ondemand::parser parser;
        Counts c;
        auto a = std::chrono::steady_clock::now();
        ondemand::document doc = parser.iterate(json);
        for (auto field : doc.get_object()) { c.keys++; field.unescaped_key().value(); walk(field.value().value(), c); }
        auto b = std::chrono::steady_clock::now();
        print("ondemand", std::chrono::duration<double>(b - a).count(), c);
    }
    return 0;
}
