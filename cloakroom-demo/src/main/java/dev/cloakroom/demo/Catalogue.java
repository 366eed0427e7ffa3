package dev.cloakroom.demo;

import java.util.List;
import java.util.Optional;

/** The shop's fixed catalogue; prices in cents. */
final class Catalogue {

    /** One product. */
    record Product(String id, String name, long priceCents) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("umbrella", "Umbrella", 1450),
            new Product("scarf", "Wool scarf", 2200),
            new Product("hat", "Felt hat", 3500),
            new Product("gloves", "Leather gloves", 2890));

    private Catalogue() {
    }

    static Optional<Product> find(String id) {
        return PRODUCTS.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    static String money(long cents) {
        return String.format("€%d.%02d", cents / 100, cents % 100);
    }
}
