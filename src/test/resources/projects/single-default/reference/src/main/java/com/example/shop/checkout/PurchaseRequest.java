package com.example.shop.checkout;

/**
 * What the checkout script posts: a confirmation token made by stripe.js (it stands for the
 * card, which never reaches this server), the item, how many (1 when left out), and where
 * Stripe sends the receipt. There is no amount: the server computes it from the catalog.
 */
record PurchaseRequest(String confirmationTokenId, String itemId, Integer quantity, String email) {
}
