<#-- The plain-text part of the "Lost your link?" e-mail (lostlink/, mail/LostLinkMail). Not HTML:
     nothing is escaped, so names read exactly as in the catalog. Change lost-link.ftlh with it. -->
Here are fresh links for your purchases from ${storeName}.
<#list purchases as purchase>

${purchase.itemName}<#if purchase.quantity != 1> x ${purchase.quantity}</#if>, ${purchase.total}
<#if purchase.downloadUrl??>
Download: ${purchase.downloadUrl}
(works for ${purchase.downloadLifetime})
</#if>
<#if purchase.licenceKey??>
Licence key: ${purchase.licenceKey}
</#if>
Receipt:  ${purchase.receiptUrl}
Reference: ${purchase.purchaseId}
</#list>

Someone asked for these links on ${storeName}'s "Lost your link?" page. If it was not you, you
can ignore this e-mail: the links are only in it.
