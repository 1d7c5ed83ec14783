package com.capidemo.design;

import java.util.List;

/** Word lists for person and company names and e-mail domains; fixed, so generated data never varies by machine. */
final class NamePools {

    static final List<String> FIRST_NAMES = List.of("Emma", "Liam", "Olivia", "Noah", "Ava", "Oliver", "Sophia",
            "Elijah", "Isabella", "James", "Mia", "William", "Amelia", "Benjamin", "Harper", "Lucas", "Evelyn", "Henry",
            "Abigail", "Alexander", "Emily", "Daniel", "Ella", "Matthew", "Madison", "Jackson", "Scarlett", "Sebastian",
            "Grace", "Aiden", "Chloe", "Samuel", "Lily", "David", "Hannah", "Joseph", "Zoe", "Carter", "Nora", "Owen",
            "Riley", "Wyatt", "Layla", "John", "Aria", "Jack", "Maya", "Gabriel", "Priya", "Ethan", "Sofia", "Mateo",
            "Camila", "Diego", "Lucia", "Wei", "Mei", "Hiroshi", "Yuki", "Arjun", "Ananya", "Kwame", "Amara", "Omar",
            "Leila", "Connor", "Siobhan", "Tyler", "Rachel", "Megan", "Kevin", "Laura", "Brian", "Jessica", "Ryan",
            "Natalie", "Nathan", "Claire", "Fatima", "Jonas", "Ingrid", "Luca", "Chiara", "Pierre", "Camille");

    static final List<String> LAST_NAMES = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
            "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
            "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
            "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen",
            "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
            "Roberts", "Patel", "Kim", "Chen", "Wang", "Singh", "Murphy", "O'Brien", "Kelly", "Sullivan", "Bennett",
            "Brooks", "Foster", "Hayes", "Reed", "Price", "Ward", "Cooper", "Morgan", "Bailey", "Fischer", "Novak",
            "Larsen", "Okafor", "Tanaka", "Rossi", "Dubois", "MacDonald", "Schmidt", "Jensen", "Cohen", "Silva");

    static final List<String> COMPANY_FIRST = List.of("Acme", "Apex", "Summit", "Harbor", "Pioneer", "Northwind",
            "Bluebird", "Cedar", "Evergreen", "Granite", "Horizon", "Ironwood", "Juniper", "Keystone", "Lakeside",
            "Meridian", "Nimbus", "Oakridge", "Pinnacle", "Quantum", "Redwood", "Sterling", "Trident", "Unity",
            "Vertex", "Westfield", "Zenith", "Atlas", "Beacon", "Cobalt", "Delta", "Echo", "Falcon", "Golden",
            "Highland", "Insight", "Liberty", "Mosaic", "Nova", "Orion", "Prairie", "Riverbend", "Silverline", "Tidal");

    static final List<String> COMPANY_SECOND = List.of("Logistics", "Foods", "Systems", "Partners", "Industries",
            "Labs", "Health", "Retail", "Energy", "Analytics", "Works", "Supply", "Solutions", "Capital", "Media",
            "Networks", "Dynamics", "Manufacturing", "Brands", "Services", "Technologies", "Group", "Holdings");

    static final List<String> COMPANY_SUFFIX = List.of("Inc.", "LLC", "Co.", "Corp.", "Ltd.", "GmbH", "Group");

    static final List<String> EMAIL_DOMAINS = List.of("gmail.com", "gmail.com", "gmail.com", "yahoo.com",
            "outlook.com", "icloud.com", "hotmail.com", "proton.me", "aol.com");

    private NamePools() {
    }
}
