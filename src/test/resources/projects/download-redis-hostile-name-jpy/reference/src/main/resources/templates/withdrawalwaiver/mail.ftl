<#-- The EU withdrawal waiver the buyer accepted, in their e-mail, text part (withdrawalwaiver/WithdrawalWaiver). -->
<#macro part purchase>
<#if purchase.withdrawalWaiver??>
${msg("mail.purchase.withdrawal")}: ${msg("mail.purchase.withdrawalTicked")}
"${purchase.withdrawalWaiver}"
${msg("mail.purchase.withdrawalCopy")}
</#if>
</#macro>
