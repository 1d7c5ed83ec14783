package com.capidemo.design;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a customer operates: places (city, region, country) and currency per market, detected from the brief's text and website
 * domain (offline). North America is the default.
 */
enum Markets {
    NORTH_AMERICA(
            "USD",
            List.of("Northeast", "Southeast", "Midwest", "Southwest", "West"),
            List.of(
                    new Place("New York", "Northeast", "United States"),
                    new Place("Los Angeles", "West", "United States"),
                    new Place("Chicago", "Midwest", "United States"),
                    new Place("Houston", "Southwest", "United States"),
                    new Place("Phoenix", "Southwest", "United States"),
                    new Place("Philadelphia", "Northeast", "United States"),
                    new Place("San Antonio", "Southwest", "United States"),
                    new Place("San Diego", "West", "United States"),
                    new Place("Dallas", "Southwest", "United States"),
                    new Place("Austin", "Southwest", "United States"),
                    new Place("Seattle", "West", "United States"),
                    new Place("Denver", "West", "United States"),
                    new Place("Boston", "Northeast", "United States"),
                    new Place("Atlanta", "Southeast", "United States"),
                    new Place("Miami", "Southeast", "United States"),
                    new Place("Nashville", "Southeast", "United States"),
                    new Place("Portland", "West", "United States"),
                    new Place("Minneapolis", "Midwest", "United States"),
                    new Place("Charlotte", "Southeast", "United States"),
                    new Place("Columbus", "Midwest", "United States"),
                    new Place("Detroit", "Midwest", "United States"),
                    new Place("Salt Lake City", "West", "United States"),
                    new Place("Kansas City", "Midwest", "United States"),
                    new Place("Raleigh", "Southeast", "United States")),
            List.of("usa", "united states", "america", "american", "us", "nationwide", "canada", "north america")),
    UNITED_KINGDOM(
            "GBP",
            List.of(
                    "London",
                    "South East",
                    "South West",
                    "Midlands",
                    "North West",
                    "Yorkshire",
                    "North East",
                    "Scotland",
                    "Wales",
                    "Northern Ireland"),
            List.of(
                    new Place("London", "London", "United Kingdom"),
                    new Place("Manchester", "North West", "United Kingdom"),
                    new Place("Birmingham", "Midlands", "United Kingdom"),
                    new Place("Leeds", "Yorkshire", "United Kingdom"),
                    new Place("Glasgow", "Scotland", "United Kingdom"),
                    new Place("Edinburgh", "Scotland", "United Kingdom"),
                    new Place("Bristol", "South West", "United Kingdom"),
                    new Place("Liverpool", "North West", "United Kingdom"),
                    new Place("Cardiff", "Wales", "United Kingdom"),
                    new Place("Newcastle", "North East", "United Kingdom"),
                    new Place("Sheffield", "Yorkshire", "United Kingdom"),
                    new Place("Nottingham", "Midlands", "United Kingdom"),
                    new Place("Leicester", "Midlands", "United Kingdom"),
                    new Place("Brighton", "South East", "United Kingdom"),
                    new Place("Belfast", "Northern Ireland", "United Kingdom"),
                    new Place("Southampton", "South East", "United Kingdom")),
            List.of("uk", "united kingdom", "britain", "british", "england", "london", "scotland", "co uk")),
    EUROPE(
            "EUR",
            List.of("DACH", "France", "Benelux", "Nordics", "Iberia", "Italy", "Ireland"),
            List.of(
                    new Place("Berlin", "DACH", "Germany"),
                    new Place("Munich", "DACH", "Germany"),
                    new Place("Hamburg", "DACH", "Germany"),
                    new Place("Vienna", "DACH", "Austria"),
                    new Place("Zurich", "DACH", "Switzerland"),
                    new Place("Paris", "France", "France"),
                    new Place("Lyon", "France", "France"),
                    new Place("Amsterdam", "Benelux", "Netherlands"),
                    new Place("Rotterdam", "Benelux", "Netherlands"),
                    new Place("Brussels", "Benelux", "Belgium"),
                    new Place("Stockholm", "Nordics", "Sweden"),
                    new Place("Copenhagen", "Nordics", "Denmark"),
                    new Place("Oslo", "Nordics", "Norway"),
                    new Place("Helsinki", "Nordics", "Finland"),
                    new Place("Madrid", "Iberia", "Spain"),
                    new Place("Barcelona", "Iberia", "Spain"),
                    new Place("Lisbon", "Iberia", "Portugal"),
                    new Place("Milan", "Italy", "Italy"),
                    new Place("Rome", "Italy", "Italy"),
                    new Place("Dublin", "Ireland", "Ireland")),
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
                    new Place("Sydney", "ANZ", "Australia"),
                    new Place("Melbourne", "ANZ", "Australia"),
                    new Place("Auckland", "ANZ", "New Zealand"),
                    new Place("Tokyo", "Japan", "Japan"),
                    new Place("Osaka", "Japan", "Japan"),
                    new Place("Singapore", "Southeast Asia", "Singapore"),
                    new Place("Kuala Lumpur", "Southeast Asia", "Malaysia"),
                    new Place("Jakarta", "Southeast Asia", "Indonesia"),
                    new Place("Bangkok", "Southeast Asia", "Thailand"),
                    new Place("Manila", "Southeast Asia", "Philippines"),
                    new Place("Mumbai", "India", "India"),
                    new Place("Bengaluru", "India", "India"),
                    new Place("Delhi", "India", "India"),
                    new Place("Hong Kong", "Greater China", "Hong Kong"),
                    new Place("Shanghai", "Greater China", "China"),
                    new Place("Seoul", "Korea", "South Korea")),
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
                    new Place("Sao Paulo", "Brazil", "Brazil"),
                    new Place("Rio de Janeiro", "Brazil", "Brazil"),
                    new Place("Mexico City", "Mexico", "Mexico"),
                    new Place("Guadalajara", "Mexico", "Mexico"),
                    new Place("Monterrey", "Mexico", "Mexico"),
                    new Place("Bogota", "Andean", "Colombia"),
                    new Place("Medellin", "Andean", "Colombia"),
                    new Place("Lima", "Andean", "Peru"),
                    new Place("Santiago", "Southern Cone", "Chile"),
                    new Place("Buenos Aires", "Southern Cone", "Argentina"),
                    new Place("Montevideo", "Southern Cone", "Uruguay"),
                    new Place("Panama City", "Central America", "Panama"),
                    new Place("San Jose", "Central America", "Costa Rica"),
                    new Place("Quito", "Andean", "Ecuador")),
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

    /** A city with the region and country it lies in: drawn as one, so a row never puts a city in another region. */
    record Place(String city, String region, String country) {}

    private static final Map<String, Place> BY_CITY = new HashMap<>();

    static {
        for (Markets m : values()) {
            for (Place p : m.places) {
                BY_CITY.put(p.city(), p);
            }
        }
    }

    final String currency;
    final List<String> regions;
    final List<Place> places;
    final List<String> cities;
    final List<String> cues;

    Markets(String currency, List<String> regions, List<Place> places, List<String> cues) {
        this.currency = currency;
        this.regions = regions;
        this.places = places;
        this.cities = places.stream().map(Place::city).toList();
        this.cues = cues;
    }

    /** The place of a city of any market's pool, or empty for a city no pool holds. */
    static Optional<Place> place(String city) {
        return Optional.ofNullable(BY_CITY.get(city));
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
