package com.capidemo.chat;

import java.util.Map;

/** Names of countries (ISO 3166 alpha-2) and of US states and Canadian provinces, for columns holding codes. */
final class Places {

    private Places() {}

    static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("united states", "US"),
            Map.entry("usa", "US"),
            Map.entry("america", "US"),
            Map.entry("canada", "CA"),
            Map.entry("united kingdom", "GB"),
            Map.entry("uk", "GB"),
            Map.entry("britain", "GB"),
            Map.entry("great britain", "GB"),
            Map.entry("england", "GB"),
            Map.entry("australia", "AU"),
            Map.entry("germany", "DE"),
            Map.entry("france", "FR"),
            Map.entry("mexico", "MX"),
            Map.entry("japan", "JP"),
            Map.entry("india", "IN"),
            Map.entry("brazil", "BR"),
            Map.entry("spain", "ES"),
            Map.entry("italy", "IT"),
            Map.entry("netherlands", "NL"),
            Map.entry("ireland", "IE"),
            Map.entry("new zealand", "NZ"),
            Map.entry("china", "CN"),
            Map.entry("singapore", "SG"),
            Map.entry("sweden", "SE"),
            Map.entry("switzerland", "CH"));

    private static final java.util.Set<String> COMPASS = java.util.Set.of("north", "south", "east", "west");

    /**
     * The names of the country codes a column holds: those above, and every ISO 3166 code's English name from the
     * JDK ("KR" → "south korea"); a name that is a compass point and one word ("South Korea") is also that word
     * ("korea") when no other code of the column is called by it.
     */
    static Map<String, String> countries(java.util.Set<String> present) {
        Map<String, String> out = new java.util.TreeMap<>(COUNTRIES);
        java.util.Set<String> iso = java.util.Set.of(java.util.Locale.getISOCountries());
        Map<String, java.util.Set<String>> shortNames = new java.util.TreeMap<>();
        for (String code : present) {
            if (!iso.contains(code)) {
                continue;
            }
            String name = new java.util.Locale("", code)
                    .getDisplayCountry(java.util.Locale.ENGLISH)
                    .toLowerCase(java.util.Locale.ROOT);
            if (!name.matches("[a-z]+( [a-z]+)*")) {
                continue;
            }
            out.putIfAbsent(name, code);
            String[] words = name.split(" ");
            if (words.length == 2 && COMPASS.contains(words[0])) {
                shortNames
                        .computeIfAbsent(words[1], k -> new java.util.TreeSet<>())
                        .add(code);
            }
        }
        shortNames.forEach((word, codes) -> {
            if (codes.size() == 1 && !out.containsKey(word)) {
                out.put(word, codes.iterator().next());
            }
        });
        return out;
    }

    static final Map<String, String> SEXES =
            Map.of("female", "F", "male", "M", "women", "F", "men", "M", "woman", "F", "man", "M");

    static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("alabama", "AL"),
            Map.entry("alaska", "AK"),
            Map.entry("arizona", "AZ"),
            Map.entry("arkansas", "AR"),
            Map.entry("california", "CA"),
            Map.entry("colorado", "CO"),
            Map.entry("connecticut", "CT"),
            Map.entry("delaware", "DE"),
            Map.entry("florida", "FL"),
            Map.entry("georgia", "GA"),
            Map.entry("hawaii", "HI"),
            Map.entry("idaho", "ID"),
            Map.entry("illinois", "IL"),
            Map.entry("indiana", "IN"),
            Map.entry("iowa", "IA"),
            Map.entry("kansas", "KS"),
            Map.entry("kentucky", "KY"),
            Map.entry("louisiana", "LA"),
            Map.entry("maine", "ME"),
            Map.entry("maryland", "MD"),
            Map.entry("massachusetts", "MA"),
            Map.entry("michigan", "MI"),
            Map.entry("minnesota", "MN"),
            Map.entry("mississippi", "MS"),
            Map.entry("missouri", "MO"),
            Map.entry("montana", "MT"),
            Map.entry("nebraska", "NE"),
            Map.entry("nevada", "NV"),
            Map.entry("new hampshire", "NH"),
            Map.entry("new jersey", "NJ"),
            Map.entry("new mexico", "NM"),
            Map.entry("new york", "NY"),
            Map.entry("north carolina", "NC"),
            Map.entry("north dakota", "ND"),
            Map.entry("ohio", "OH"),
            Map.entry("oklahoma", "OK"),
            Map.entry("oregon", "OR"),
            Map.entry("pennsylvania", "PA"),
            Map.entry("rhode island", "RI"),
            Map.entry("south carolina", "SC"),
            Map.entry("south dakota", "SD"),
            Map.entry("tennessee", "TN"),
            Map.entry("texas", "TX"),
            Map.entry("utah", "UT"),
            Map.entry("vermont", "VT"),
            Map.entry("virginia", "VA"),
            Map.entry("washington state", "WA"),
            Map.entry("west virginia", "WV"),
            Map.entry("wisconsin", "WI"),
            Map.entry("wyoming", "WY"),
            Map.entry("ontario", "ON"),
            Map.entry("quebec", "QC"),
            Map.entry("british columbia", "BC"),
            Map.entry("alberta", "AB"),
            Map.entry("manitoba", "MB"),
            Map.entry("nova scotia", "NS"),
            Map.entry("saskatchewan", "SK"));
}
