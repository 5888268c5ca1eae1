-- The orders feature's tables (orders/Orders writes them), in SQL that H2 and PostgreSQL both run.
-- Flyway applies each V<n>__*.sql once, in order, at start-up: to change a table, add a V2__...sql
-- rather than editing this file, which has already run wherever the store was started.

-- One row per purchase, keyed by its Checkout Session: a second report of it changes nothing.
create table orders (
    id       varchar(255) primary key,                               -- the Checkout Session (cs_...)
    item_id  varchar(255) not null,
    quantity integer      not null,
    amount   bigint       not null,                                  -- what the buyer paid, in minor units (cents)
    currency varchar(3)   not null,
    email    varchar(320),                                           -- the address the buyer gave Stripe
    paid_at  timestamp with time zone default current_timestamp not null  -- when the store saw it paid
);
create index orders_paid_at on orders (paid_at);

-- One row per refund or dispute event of Stripe's, keyed by the event. No foreign key to orders: a
-- refund of a purchase made before the store recorded orders must still be recorded.
create table refunds (
    event_id         varchar(255) primary key,                       -- Stripe's event (evt_...)
    order_id         varchar(255) not null,                          -- orders.id
    kind             varchar(20)  not null,                          -- REFUNDED, DISPUTED, DISPUTE_WON or DISPUTE_LOST
    amount_refunded  bigint       not null,                          -- refunded so far, all refunds of the order together
    currency         varchar(3)   not null,
    refunded_in_full boolean      not null,
    recorded_at      timestamp with time zone default current_timestamp not null
);
create index refunds_order_id on refunds (order_id);
