package com.capidemo.gemini;

/** Answers as Gemini writes them for a small retail demo, for the fake Vertex AI endpoint to hand back. */
final class GeminiAnswers {

    private GeminiAnswers() {}

    /** The model renames the customer and capitalises the industry; the designer keeps the brief's name. */
    static final String PROFILE = """
            {
              "customer_name": "Cymbal Outfitters Inc.",
              "industry": "Retail",
              "industry_label": "Outdoor Apparel Retail",
              "summary": "Cymbal Outfitters sells outdoor apparel and gear through stores in the Pacific Northwest.",
              "business_lines": ["Apparel", "Footwear", "Camping gear"],
              "regions": ["Pacific Northwest", "California"],
              "cities": ["Seattle", "Portland", "Spokane", "San Francisco"],
              "currency": "USD",
              "website": "https://cymbal-outfitters.example",
              "keywords": ["outdoor", "apparel", "hiking"],
              "data_start": "2024-01-01",
              "data_end": "2025-12-31"
            }""";

    static final String USE_CASES = """
            {
              "use_cases": [
                {"name": "Sales performance", "description": "Revenue by store, product and month",
                 "kpis": ["revenue", "units sold"], "entities": ["stores", "products", "sales"]},
                {"name": "Customer loyalty", "description": "Repeat purchases", "kpis": ["repeat rate"],
                 "entities": ["sales"]}
              ]
            }""";

    static final String SCHEMA = """
            {
              "dataset_description": "Store sales of Cymbal Outfitters, 2024 to 2025, in USD.",
              "tables": [
                {"name": "stores", "description": "One row per store", "rows": 40, "primary_key": "store_id",
                 "columns": [
                   {"name": "store_id", "type": "INT64", "description": "Store key", "generator": {"kind": "sequence"}},
                   {"name": "city", "type": "STRING", "description": "Store city", "generator": {"kind": "city"}},
                   {"name": "region", "type": "STRING", "description": "Store region", "generator": {"kind": "region"}},
                   {"name": "opened_on", "type": "DATE", "description": "Opening date",
                    "generator": {"kind": "date_range", "start": "2010-01-01", "end": "2023-12-31"}}
                 ]},
                {"name": "products", "description": "One row per product", "rows": 500, "primary_key": "product_id",
                 "columns": [
                   {"name": "product_id", "type": "INT64", "description": "Product key",
                    "generator": {"kind": "sequence"}},
                   {"name": "category", "type": "STRING", "description": "Product category",
                    "generator": {"kind": "choice", "values": ["Apparel", "Footwear", "Camping"],
                                  "weights": [0.5, 0.3, 0.2]}},
                   {"name": "list_price", "type": "FLOAT64", "description": "List price in USD",
                    "generator": {"kind": "decimal_range", "min": 5, "max": 400, "scale": 2, "skew": 2}}
                 ]},
                {"name": "sales", "description": "One row per sale line", "rows": 100000, "primary_key": "sale_id",
                 "columns": [
                   {"name": "sale_id", "type": "INT64", "description": "Sale key", "generator": {"kind": "sequence"}},
                   {"name": "store_id", "type": "INT64", "description": "Selling store",
                    "generator": {"kind": "foreign_key", "references": "stores.store_id", "skew": 1.5}},
                   {"name": "product_id", "type": "INT64", "description": "Product sold",
                    "generator": {"kind": "foreign_key", "references": "products.product_id"}},
                   {"name": "sold_at", "type": "TIMESTAMP", "description": "Time of sale",
                    "generator": {"kind": "timestamp_range", "start": "2024-01-01", "end": "2025-12-31", "skew": 0.8}},
                   {"name": "quantity", "type": "INT64", "description": "Units",
                    "generator": {"kind": "int_range", "min": 1, "max": 5, "skew": 3}},
                   {"name": "unit_price", "type": "FLOAT64", "description": "Price paid per unit",
                    "generator": {"kind": "lookup", "references": "products.list_price", "source": "product_id"}},
                   {"name": "revenue", "type": "FLOAT64", "description": "quantity times unit price",
                    "generator": {"kind": "derived", "expression": "round(quantity * unit_price, 2)"}}
                 ]}
              ]
            }""";

    /** A reserved word as column name and a foreign key to a table that does not exist. */
    static final String INVALID_SCHEMA = SCHEMA.replace("\"name\": \"sold_at\"", "\"name\": \"date\"")
            .replace("\"references\": \"stores.store_id\"", "\"references\": \"shops.store_id\"");

    static final String GOLDEN_QUERIES = """
            {
              "golden_queries": [
                {"question": "What is total revenue?", "sql": "SELECT SUM(revenue) AS revenue FROM sales",
                 "complexity": "simple", "expected_result_type": "single_value"},
                {"question": "Which 5 stores sold the most?",
                 "sql": "SELECT s.store_id, s.city, SUM(x.revenue) AS revenue FROM sales x JOIN stores s ON s.store_id = x.store_id GROUP BY 1, 2 ORDER BY revenue DESC LIMIT 5",
                 "complexity": "moderate", "expected_result_type": "ranking"},
                {"question": "What is the return rate by store?",
                 "sql": "SELECT store_id, COUNT(*) FROM returns GROUP BY store_id",
                 "complexity": "simple", "expected_result_type": "table"},
                {"question": "How did monthly revenue develop?",
                 "sql": "WITH monthly AS (SELECT EXTRACT(YEAR FROM sold_at) AS y, EXTRACT(MONTH FROM sold_at) AS m, SUM(revenue) AS revenue FROM sales GROUP BY 1, 2) SELECT * FROM monthly ORDER BY y, m",
                 "complexity": "complex", "expected_result_type": "time_series"},
                {"question": "which 5 stores sold the most? ",
                 "sql": "SELECT store_id FROM sales GROUP BY 1 ORDER BY SUM(revenue) DESC LIMIT 5",
                 "complexity": "simple", "expected_result_type": "ranking"},
                {"question": "What share of revenue comes from each category?",
                 "sql": "SELECT p.category, SUM(x.revenue) / (SELECT SUM(revenue) FROM sales) AS share FROM sales x JOIN products p USING (product_id) GROUP BY 1",
                 "complexity": "moderate", "expected_result_type": "distribution"}
              ]
            }""";
}
