<#-- The plain-text part of the buyer's e-mail. Not HTML: nothing here is escaped, so the item's
     name reads exactly as in the catalog. The HTML part is purchase.ftlh: change both together. -->
Thank you for your purchase from ${storeName}.

Item:     ${itemName}<#if quantity != 1> x ${quantity}</#if>
Total:    ${total}
Receipt:  ${receiptUrl}
<#if downloadUrl??>

Download your file: ${downloadUrl}
The link works for ${downloadLifetime}. Your receipt page gives a fresh one whenever you open it.
</#if>
<#if licenceKey??>

Your licence key: ${licenceKey}
Copy it into the app when it asks. It stays the same; your receipt page shows it too.
</#if>

<#if withdrawalWaiver??>
Your right of withdrawal: before paying, you ticked this box:
"${withdrawalWaiver}"
This e-mail is your copy of that confirmation.

</#if>
Keep this e-mail: the receipt link shows your receipt again.
Reference: ${purchaseId}
