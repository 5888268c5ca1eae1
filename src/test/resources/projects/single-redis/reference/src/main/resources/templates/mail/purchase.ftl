<#-- The plain-text part of the buyer's e-mail. Not HTML: nothing here is escaped, so the item's
     name reads exactly as in the catalog. The HTML part is purchase.ftlh: change both together. -->
${msg("mail.purchase.thanks", storeName)}

${msg("purchase.item")}: ${itemName}<#if quantity != 1> x ${quantity}</#if>
${msg("purchase.total")}: ${total}
${msg("mail.receipt")}: ${receiptUrl}
<#if downloadUrl??>

${msg("receipt.download")}: ${downloadUrl}
${msg("mail.purchase.downloadHint", downloadLifetime)}
</#if>
<#if licenceKey??>

${msg("licence.key")}: ${licenceKey}
${msg("mail.purchase.licenceKeyHint")}
</#if>

<#if withdrawalWaiver??>
${msg("mail.purchase.withdrawal")}: ${msg("mail.purchase.withdrawalTicked")}
"${withdrawalWaiver}"
${msg("mail.purchase.withdrawalCopy")}

</#if>
${msg("mail.purchase.keep")}
${msg("purchase.reference")}: ${purchaseId}
