package com.capidemo.design;

import java.util.List;

/**
 * Where a customer operates: regions, cities and currency per market, detected from the brief's text and website
 * domain (offline). North America is the default.
 */
enum Markets {
    NORTH_AMERICA(
            "USD",
            List.of("Northeast", "Southeast", "Midwest", "Southwest", "West"),
            List.of(
                    "New York",
                    "Los Angeles",
                    "Chicago",
                    "Houston",
                    "Phoenix",
                    "Philadelphia",
                    "San Antonio",
                    "San Diego",
                    "Dallas",
                    "Austin",
                    "Seattle",
                    "Denver",
                    "Boston",
                    "Atlanta",
                    "Miami",
                    "Nashville",
                    "Portland",
                    "Minneapolis",
                    "Charlotte",
                    "Columbus",
                    "Detroit",
                    "Salt Lake City",
                    "Kansas City",
                    "Raleigh"),
            List.of("usa", "united states", "america", "american", "us", "nationwide", "canada", "north america")),
    UNITED_KINGDOM(
            "GBP",
            List.of("London", "South East", "North West", "Midlands", "Scotland", "Wales"),
            List.of(
                    "London",
                    "Manchester",
                    "Birmingham",
                    "Leeds",
                    "Glasgow",
                    "Edinburgh",
                    "Bristol",
                    "Liverpool",
                    "Cardiff",
                    "Newcastle",
                    "Sheffield",
                    "Nottingham",
                    "Leicester",
                    "Brighton",
                    "Belfast",
                    "Southampton"),
            List.of("uk", "united kingdom", "britain", "british", "england", "london", "scotland", "co uk")),
    EUROPE(
            "EUR",
            List.of("DACH", "France", "Benelux", "Nordics", "Iberia", "Italy"),
            List.of(
                    "Berlin",
                    "Munich",
                    "Hamburg",
                    "Vienna",
                    "Zurich",
                    "Paris",
                    "Lyon",
                    "Amsterdam",
                    "Rotterdam",
                    "Brussels",
                    "Stockholm",
                    "Copenhagen",
                    "Oslo",
                    "Helsinki",
                    "Madrid",
                    "Barcelona",
                    "Lisbon",
                    "Milan",
                    "Rome",
                    "Dublin"),
            List.of(
                    "europe",
                    "european",
                    "eu",
                    "germany",
                    "german",
                    "france",
                    "french",
                    "spain",
                    "italy",
                    "netherlands",
                    "dutch",
                    "nordic",
                    "nordics",
                    "de",
                    "fr",
                    "es",
                    "it",
                    "nl",
                    "eurozone")),
    ASIA_PACIFIC(
            "USD",
            List.of("ANZ", "Japan", "Southeast Asia", "India", "Greater China", "Korea"),
            List.of(
                    "Sydney",
                    "Melbourne",
                    "Auckland",
                    "Tokyo",
                    "Osaka",
                    "Singapore",
                    "Kuala Lumpur",
                    "Jakarta",
                    "Bangkok",
                    "Manila",
                    "Mumbai",
                    "Bengaluru",
                    "Delhi",
                    "Hong Kong",
                    "Shanghai",
                    "Seoul"),
            List.of(
                    "apac",
                    "asia",
                    "asian",
                    "australia",
                    "japan",
                    "singapore",
                    "india",
                    "indian",
                    "korea",
                    "au",
                    "jp",
                    "sg",
                    "in",
                    "asia pacific")),
    LATIN_AMERICA(
            "USD",
            List.of("Brazil", "Mexico", "Andean", "Southern Cone", "Central America"),
            List.of(
                    "Sao Paulo",
                    "Rio de Janeiro",
                    "Mexico City",
                    "Guadalajara",
                    "Monterrey",
                    "Bogota",
                    "Medellin",
                    "Lima",
                    "Santiago",
                    "Buenos Aires",
                    "Montevideo",
                    "Panama City",
                    "San Jose",
                    "Quito"),
            List.of(
                    "latam",
                    "latin america",
                    "brazil",
                    "mexico",
                    "colombia",
                    "chile",
                    "argentina",
                    "peru",
                    "br",
                    "mx"));

    final String currency;
    final List<String> regions;
    final List<String> cities;
    final List<String> cues;

    Markets(String currency, List<String> regions, List<String> cities, List<String> cues) {
        this.currency = currency;
        this.regions = regions;
        this.cities = cities;
        this.cues = cues;
    }

    /** The market whose cues appear most often in the text (ties: declaration order), else North America. */
    static Markets detect(String text, String website) {
        String padded = " " + Text.normalize(text) + " ";
        String domain = " "
                + Text.normalize(
                        website == null
                                ? ""
                                : website.replaceAll("^[a-z]+://", "").replaceAll("/.*$", "")) + " ";
        Markets best = NORTH_AMERICA;
        int bestScore = 0;
        for (Markets m : values()) {
            int score = 0;
            for (String cue : m.cues) {
                // Two-letter cues are country codes: only trusted at the end of the website's domain.
                if (cue.length() <= 2 || cue.equals("co uk")) {
                    score += domain.endsWith(" " + cue + " ") ? 3 : 0;
                } else if (padded.contains(" " + cue + " ")) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = m;
                bestScore = score;
            }
        }
        return best;
    }
}
