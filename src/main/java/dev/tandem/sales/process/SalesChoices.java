package dev.tandem.sales.process;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import dev.tandem.catalog.CustomerRepository;
import dev.tandem.catalog.Product;
import dev.tandem.catalog.ProductRepository;
import dev.tandem.common.FormOptions;
import dev.tandem.common.StartFormChoices;
import dev.tandem.sales.SalesOrderRepository;

/**
 * What start forms offer to pick from in sales' records: customers, open orders, and the products
 * each kind of order sells (prepaid hours, hours on timesheets, materials and devices).
 */
@Component
class SalesChoices implements StartFormChoices {

    private final CustomerRepository customers;
    private final ProductRepository products;
    private final SalesOrderRepository orders;

    SalesChoices(CustomerRepository customers, ProductRepository products, SalesOrderRepository orders) {
        this.customers = customers;
        this.products = products;
        this.orders = orders;
    }

    @Override
    public Map<String, List<Map<String, String>>> choices() {
        List<Product> catalog = products.findAll(Sort.by("name"));
        return Map.of(
                "customerChoices", customers.findAll(PageRequest.of(0, LONGEST, Sort.by("name"))).stream()
                        .map(customer -> FormOptions.option(customer.getName(), customer.getName())).toList(),
                "orderChoices", orders.confirmedNewestFirst(PageRequest.of(0, LONGEST)).stream()
                        .map(order -> FormOptions.option(order.getNumber(),
                                order.getNumber() + " · " + order.getCustomer().getName())).toList(),
                "prepaidProductChoices", offered(catalog, Product.BillingPolicy.PREPAID),
                "postpaidProductChoices", offered(catalog, Product.BillingPolicy.TIMESHEET),
                "itemChoices", offered(catalog, Product.BillingPolicy.DELIVERED));
    }

    private static List<Map<String, String>> offered(List<Product> catalog, Product.BillingPolicy policy) {
        return catalog.stream().filter(product -> product.getBillingPolicy() == policy)
                .map(product -> FormOptions.option(product.getCode(), "%s (%s) · %s".formatted(product.getName(),
                        product.getCode(), product.getListPrice().toPlainString())))
                .toList();
    }
}
